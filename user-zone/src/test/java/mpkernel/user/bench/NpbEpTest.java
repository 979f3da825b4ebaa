package mpkernel.user.bench;

import org.junit.jupiter.api.Test;

/** NPB EP at class S through the test double: verifies, reports, fails when its reference is corrupted. */
class NpbEpTest {

    @Test
    void classSVerifies() {
        NpbTestRun.of(new NpbEp(), "--class", "S").assertReport("npb-ep", "EP", 'S', true);
    }

    @Test
    void defaultIsClassS() {
        NpbTestRun.of(new NpbEp()).assertReport("npb-ep", "EP", 'S', true);
    }

    @Test
    void corruptedReferenceFailsVerification() {
        NpbTestRun.of(new NpbEp(p -> p.withSxReference(p.sxReference() * 1.001)), "--class", "S").assertReport("npb-ep", "EP", 'S', false);
    }

    @Test
    void badArgumentsPrintUsage() {
        NpbTestRun.of(new NpbEp(), "--class", "Z").assertUsage("npb-ep");
        NpbTestRun.of(new NpbEp(), "--bogus").assertUsage("npb-ep");
    }
}
