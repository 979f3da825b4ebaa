package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

class WhetstoneTest {

    @Test
    void smallSizeVerifies() {
        BenchRun run = BenchRun.of(new Whetstone(), "--size", "small");
        assertTrue(run.out().contains("Verification: SUCCESSFUL"), run.out());
        assertTrue(run.out().contains("MWIPS"), run.out());
        run.assertResult("whetstone", "small", true);
        assertTrue(run.writes() <= 3, "report written in few calls: " + run.writes());
    }

    @Test
    void severalMajorLoopsEqualAFullReferenceRun() {
        // The program's own reference covers one major loop; here the reference repeats all of them.
        try (Arena arena = Arena.ofConfined()) {
            WhetstoneMemory memory = new WhetstoneMemory(arena.allocate(WhetstoneMemory.SIZE, 16));
            new WhetstoneModules(memory).run(7, 3);
            WhetstoneRow[] expected = WhetstoneReference.compute(7);
            for (int r = 0; r < expected.length; r++) {
                assertTrue(memory.row(r).sameBits(expected[r]), "row " + r + ": " + memory.row(r) + " vs " + expected[r]);
            }
            assertTrue(WhetstoneCheck.problems(7, rowsOf(memory), expected).isEmpty());
        }
    }

    @Test
    void oddLoopCountFlipsTheDerivedConditionalJump() {
        WhetstoneRow[] rows = WhetstoneReference.compute(3); // N4 = 1035, odd
        assertEquals(0, rows[3].j());
        assertTrue(WhetstoneCheck.problems(3, rows, rows).isEmpty());
    }

    @Test
    void wrongReferenceFailsVerification() {
        Whetstone corrupted = new Whetstone(rows -> {
            WhetstoneRow r = rows[5];
            rows[5] = new WhetstoneRow(r.n(), r.j(), r.k(), Math.nextUp(r.x1()), r.x2(), r.x3(), r.x4());
            return rows;
        });
        BenchRun run = BenchRun.of(corrupted, "--size", "small");
        assertTrue(run.out().contains("Verification: FAILED"), run.out());
        assertTrue(run.out().contains("module N7"), run.out());
        run.assertResult("whetstone", "small", false);
    }

    @Test
    void corruptedMemoryFailsTheDerivedChecks() {
        WhetstoneRow[] good = WhetstoneReference.compute(2);
        WhetstoneRow[] bad = good.clone();
        WhetstoneRow m9 = bad[7];
        bad[7] = new WhetstoneRow(m9.n(), m9.j(), m9.k(), 2.0, m9.x2(), m9.x3(), m9.x4());
        assertEquals(1, WhetstoneCheck.problems(2, bad, bad).size(), "derived check alone catches it");
    }

    @Test
    void customKnobsAreLabelled() {
        BenchRun run = BenchRun.of(new Whetstone(), "--loops", "5", "--iterations", "2");
        run.assertResult("whetstone", "custom", true);
    }

    @Test
    void warmUpKeepsTheSizeLabelAndTheResults() {
        BenchRun run = BenchRun.of(new Whetstone(), "--size", "small", "--warmup", "2");
        assertTrue(run.out().contains("after 2 untimed warm-up iterations"), run.out());
        run.assertResult("whetstone", "small", true);
    }

    @Test
    void badArgumentsGiveUsage() {
        BenchRun.of(new Whetstone(), "--bogus", "1").assertUsage("whetstone");
        BenchRun.of(new Whetstone(), "--size", "huge").assertUsage("whetstone");
        BenchRun.of(new Whetstone(), "--loops", "0").assertUsage("whetstone");
        BenchRun.of(new Whetstone(), "--loops").assertUsage("whetstone");
    }

    private static WhetstoneRow[] rowsOf(WhetstoneMemory memory) {
        WhetstoneRow[] rows = new WhetstoneRow[WhetstoneLoops.MODULES.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = memory.row(r);
        }
        return rows;
    }
}
