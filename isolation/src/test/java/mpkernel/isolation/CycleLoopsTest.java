package mpkernel.isolation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The generated timing loops on any host; the WRPKRU loop itself runs in {@link MpkGateTest}. */
class CycleLoopsTest {

    @Test
    void theAddChainRunsSixteenAddsPerIteration() {
        assertEquals(16, CycleLoops.ADDS_PER_ITERATION);
        assertEquals(16, CycleLoops.addChain(1));
        assertEquals(16_000, CycleLoops.addChain(1000));
    }

    @Test
    void noLoopRunsZeroTimes() {
        // a count of zero would be decremented past zero and run 2^64 times
        assertThrows(IllegalArgumentException.class, () -> CycleLoops.addChain(0));
        assertThrows(IllegalArgumentException.class, () -> CycleLoops.wrpkru(-1));
    }

    @Test
    void withoutPkuTheWrpkruLoopRefusesInsteadOfDyingOfSigill() {
        assumeFalse(Pku.probe().available(), "this machine has PKU");
        IsolationUnavailableException e = assertThrows(IsolationUnavailableException.class, () -> CycleLoops.wrpkru(1));
        assertTrue(e.getMessage().startsWith("WRPKRU needs PKU"), e.getMessage());
    }
}
