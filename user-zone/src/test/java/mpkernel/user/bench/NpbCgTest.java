package mpkernel.user.bench;

import org.junit.jupiter.api.Test;

/** NPB CG at class S through the test double: verifies, reports, fails when its reference is corrupted. */
class NpbCgTest {

    @Test
    void classSVerifies() {
        NpbTestRun.of(new NpbCg(), "--class", "S").assertReport("npb-cg", "CG", 'S', true);
    }

    @Test
    void defaultIsClassS() {
        NpbTestRun.of(new NpbCg()).assertReport("npb-cg", "CG", 'S', true);
    }

    @Test
    void corruptedReferenceFailsVerification() {
        NpbTestRun.of(new NpbCg(p -> p.withZetaReference(p.zetaReference() * 1.001)), "--class", "S").assertReport("npb-cg", "CG", 'S', false);
    }

    @Test
    void badArgumentsPrintUsage() {
        NpbTestRun.of(new NpbCg(), "--class", "Z").assertUsage("npb-cg");
        NpbTestRun.of(new NpbCg(), "--bogus").assertUsage("npb-cg");
    }
}
