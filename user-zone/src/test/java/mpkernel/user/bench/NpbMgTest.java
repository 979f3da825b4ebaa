package mpkernel.user.bench;

import org.junit.jupiter.api.Test;

/** NPB MG at class S through the test double: verifies, reports, fails when its reference is corrupted. */
class NpbMgTest {

    @Test
    void classSVerifies() {
        NpbTestRun.of(new NpbMg(), "--class", "S").assertReport("npb-mg", "MG", 'S', true);
    }

    @Test
    void defaultIsClassS() {
        NpbTestRun.of(new NpbMg()).assertReport("npb-mg", "MG", 'S', true);
    }

    @Test
    void corruptedReferenceFailsVerification() {
        NpbTestRun.of(new NpbMg(p -> p.withNormReference(p.normReference() * 1.001)), "--class", "S").assertReport("npb-mg", "MG", 'S', false);
    }

    @Test
    void badArgumentsPrintUsage() {
        NpbTestRun.of(new NpbMg(), "--class", "Z").assertUsage("npb-mg");
        NpbTestRun.of(new NpbMg(), "--bogus").assertUsage("npb-mg");
    }
}
