package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DhrystoneTest {

    @Test
    void smallSizeVerifies() {
        BenchRun run = BenchRun.of(new Dhrystone(), "--size", "small");
        assertTrue(run.out().contains("Verification: SUCCESSFUL"), run.out());
        assertTrue(run.out().contains("Arr_2_Glob[8][7]:          50010\n"), run.out());
        assertTrue(run.out().contains("Str_2_Loc:                 DHRYSTONE PROGRAM, 2'ND STRING\n"), run.out());
        assertTrue(run.out().contains("DMIPS"), run.out());
        run.assertResult("dhrystone", "small", true);
        assertTrue(run.writes() <= 3, "report written in few calls: " + run.writes());
    }

    @Test
    void oneRunAlreadyReachesTheFinalValues() {
        BenchRun run = BenchRun.of(new Dhrystone(), "--runs", "1");
        run.assertResult("dhrystone", "custom", true);
    }

    @Test
    void warmUpRunsOnSeparateData() {
        BenchRun run = BenchRun.of(new Dhrystone(), "--runs", "1000", "--warmup=700");
        assertTrue(run.out().contains("Arr_2_Glob[8][7]:          1010\n"), run.out());
        run.assertResult("dhrystone", "custom", true);
    }

    @Test
    void wrongShouldBeValueFailsVerification() {
        Dhrystone corrupted = new Dhrystone(v -> new DhryValues(v.intGlob(), v.boolGlob(), v.ch1Glob(), v.ch2Glob(),
                v.arr1Glob8(), v.arr2Glob87() + 1, v.ptrGlob(), v.nextPtrGlob(), v.int1Loc(), v.int2Loc(),
                v.int3Loc(), v.enumLoc(), v.str1Loc(), v.str2Loc()));
        BenchRun run = BenchRun.of(corrupted, "--size", "small");
        assertTrue(run.out().contains("Arr_2_Glob[8][7]:          50010   <-- MISMATCH"), run.out());
        assertTrue(run.out().contains("Verification: FAILED"), run.out());
        run.assertResult("dhrystone", "small", false);
    }

    @Test
    void wrongStringFailsVerification() {
        Dhrystone corrupted = new Dhrystone(v -> new DhryValues(v.intGlob(), v.boolGlob(), v.ch1Glob(), v.ch2Glob(),
                v.arr1Glob8(), v.arr2Glob87(), v.ptrGlob(), v.nextPtrGlob(), v.int1Loc(), v.int2Loc(),
                v.int3Loc(), v.enumLoc(), v.str1Loc(), DhryLayout.THIRD_STRING));
        assertEquals(1, BenchRun.of(corrupted, "--runs", "10").status());
    }

    @Test
    void badArgumentsGiveUsage() {
        BenchRun.of(new Dhrystone(), "--size", "medium").assertUsage("dhrystone");
        BenchRun.of(new Dhrystone(), "--runs", "-5").assertUsage("dhrystone");
        BenchRun.of(new Dhrystone(), "--runs", "x").assertUsage("dhrystone");
        BenchRun.of(new Dhrystone(), "--runs", "3000000000").assertUsage("dhrystone");
        BenchRun.of(new Dhrystone(), "extra").assertUsage("dhrystone");
    }
}
