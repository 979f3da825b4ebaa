package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

class WhetstoneTest {

    @Test
    void smallSizeVerifies() {
        ClassicTestSupport.Run run = ClassicTestSupport.run(new Whetstone(), "--size", "small");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("Verification: SUCCESSFUL"), run.out());
        assertTrue(run.out().contains("MWIPS"), run.out());
        ClassicTestSupport.assertResultLine(run, "whetstone", "small", true);
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
        ClassicTestSupport.Run run = ClassicTestSupport.run(corrupted, "--size", "small");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("Verification: FAILED"), run.out());
        assertTrue(run.out().contains("module N7"), run.out());
        ClassicTestSupport.assertResultLine(run, "whetstone", "small", false);
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
        ClassicTestSupport.Run run = ClassicTestSupport.run(new Whetstone(), "--loops", "5", "--iterations", "2");
        assertEquals(0, run.status(), run.out());
        ClassicTestSupport.assertResultLine(run, "whetstone", "custom", true);
    }

    @Test
    void warmUpKeepsTheSizeLabelAndTheResults() {
        ClassicTestSupport.Run run = ClassicTestSupport.run(new Whetstone(), "--size", "small", "--warmup", "2");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("after 2 untimed warm-up iterations"), run.out());
        ClassicTestSupport.assertResultLine(run, "whetstone", "small", true);
    }

    @Test
    void badArgumentsGiveUsage() {
        ClassicTestSupport.assertUsage(new Whetstone(), "--bogus", "1");
        ClassicTestSupport.assertUsage(new Whetstone(), "--size", "huge");
        ClassicTestSupport.assertUsage(new Whetstone(), "--loops", "0");
        ClassicTestSupport.assertUsage(new Whetstone(), "--loops");
    }

    private static WhetstoneRow[] rowsOf(WhetstoneMemory memory) {
        WhetstoneRow[] rows = new WhetstoneRow[WhetstoneLoops.MODULES.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = memory.row(r);
        }
        return rows;
    }
}
