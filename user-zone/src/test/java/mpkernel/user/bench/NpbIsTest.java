package mpkernel.user.bench;

import org.junit.jupiter.api.Test;

/** NPB IS at class S through the test double: verifies, reports, fails when its reference is corrupted. */
class NpbIsTest {

    @Test
    void classSVerifies() {
        NpbTestRun.of(new NpbIs(), "--class", "S").assertReport("npb-is", "IS", 'S', true);
    }

    @Test
    void defaultIsClassS() {
        NpbTestRun.of(new NpbIs()).assertReport("npb-is", "IS", 'S', true);
    }

    @Test
    void corruptedReferenceFailsVerification() {
        NpbTestRun.of(new NpbIs(p -> p.withTestRank(0, p.testRank()[0] + 1)), "--class", "S").assertReport("npb-is", "IS", 'S', false);
    }

    @Test
    void badArgumentsPrintUsage() {
        NpbTestRun.of(new NpbIs(), "--class", "Z").assertUsage("npb-is");
        NpbTestRun.of(new NpbIs(), "--bogus").assertUsage("npb-is");
    }
}
