package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DhrystoneTest {

    @Test
    void smallSizeVerifies() {
        ClassicTestSupport.Run run = ClassicTestSupport.run(new Dhrystone(), "--size", "small");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("Verification: SUCCESSFUL"), run.out());
        assertTrue(run.out().contains("Arr_2_Glob[8][7]:          50010\n"), run.out());
        assertTrue(run.out().contains("Str_2_Loc:                 DHRYSTONE PROGRAM, 2'ND STRING\n"), run.out());
        assertTrue(run.out().contains("DMIPS"), run.out());
        ClassicTestSupport.assertResultLine(run, "dhrystone", "small", true);
        assertTrue(run.writes() <= 3, "report written in few calls: " + run.writes());
    }

    @Test
    void oneRunAlreadyReachesTheFinalValues() {
        ClassicTestSupport.Run run = ClassicTestSupport.run(new Dhrystone(), "--runs", "1");
        assertEquals(0, run.status(), run.out());
        ClassicTestSupport.assertResultLine(run, "dhrystone", "custom", true);
    }

    @Test
    void warmUpRunsOnSeparateData() {
        ClassicTestSupport.Run run = ClassicTestSupport.run(new Dhrystone(), "--runs", "1000", "--warmup=700");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("Arr_2_Glob[8][7]:          1010\n"), run.out());
        ClassicTestSupport.assertResultLine(run, "dhrystone", "custom", true);
    }

    @Test
    void wrongShouldBeValueFailsVerification() {
        Dhrystone corrupted = new Dhrystone(v -> new DhryValues(v.intGlob(), v.boolGlob(), v.ch1Glob(), v.ch2Glob(),
                v.arr1Glob8(), v.arr2Glob87() + 1, v.ptrGlob(), v.nextPtrGlob(), v.int1Loc(), v.int2Loc(),
                v.int3Loc(), v.enumLoc(), v.str1Loc(), v.str2Loc()));
        ClassicTestSupport.Run run = ClassicTestSupport.run(corrupted, "--size", "small");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("Arr_2_Glob[8][7]:          50010   <-- MISMATCH"), run.out());
        assertTrue(run.out().contains("Verification: FAILED"), run.out());
        ClassicTestSupport.assertResultLine(run, "dhrystone", "small", false);
    }

    @Test
    void wrongStringFailsVerification() {
        Dhrystone corrupted = new Dhrystone(v -> new DhryValues(v.intGlob(), v.boolGlob(), v.ch1Glob(), v.ch2Glob(),
                v.arr1Glob8(), v.arr2Glob87(), v.ptrGlob(), v.nextPtrGlob(), v.int1Loc(), v.int2Loc(),
                v.int3Loc(), v.enumLoc(), v.str1Loc(), DhryLayout.THIRD_STRING));
        assertEquals(1, ClassicTestSupport.run(corrupted, "--runs", "10").status());
    }

    @Test
    void badArgumentsGiveUsage() {
        ClassicTestSupport.assertUsage(new Dhrystone(), "--size", "medium");
        ClassicTestSupport.assertUsage(new Dhrystone(), "--runs", "-5");
        ClassicTestSupport.assertUsage(new Dhrystone(), "--runs", "x");
        ClassicTestSupport.assertUsage(new Dhrystone(), "--runs", "3000000000");
        ClassicTestSupport.assertUsage(new Dhrystone(), "extra");
    }
}
