package mpkernel.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./mpk bench}'s answers to bad input, and its list; the full run is {@code ./mpk bench} itself. */
class BenchCommandTest {

    @Test
    void listsTheBenchmarksAPatternSelects() {
        CliHarness.Outcome all = CliHarness.mpk("bench", "--list");
        assertEquals(0, all.status(), all.err());
        boolean pku = mpkernel.isolation.Pku.probe().available();
        assertEquals("""
                ActiveDomainsBench.roundTrip
                ClockBench.dependentAdd
                GateBench.floor
                GateBench.roundTrip
                KeyCacheBench.hit
                KeyCacheBench.miss
                MallocBench.mallocFree
                NullSyscallBench.getpid
                """ + (pku ? "WrpkruBench.wrpkruLfence\n" : "") + """
                WriteBytesBench.writeBytes
                """, all.out());
        assertEquals("GateBench.floor\nGateBench.roundTrip\n", CliHarness.mpk("bench", "Gate", "--list").out());
    }

    @Test
    void badPatternsGetOneLineAndStatusTwo() {
        CliHarness.Outcome regex = CliHarness.mpk("bench", "((");
        assertEquals(Main.USAGE, regex.status());
        assertEquals("mpk: bench: PATTERN is not a regular expression: Unclosed group in '(('\n", regex.err());

        CliHarness.Outcome none = CliHarness.mpk("bench", "NoSuchBench");
        assertEquals(Main.USAGE, none.status());
        assertTrue(none.err().startsWith("mpk: bench: no benchmark matches 'NoSuchBench'; known: ActiveDomainsBench.roundTrip, ClockBench.dependentAdd, GateBench.floor, "), none.err());
        assertEquals(1, none.err().lines().count(), none.err());
        assertEquals("", none.out());

        CliHarness.Outcome option = CliHarness.mpk("bench", "--fast");
        assertEquals(Main.USAGE, option.status());
        assertEquals(1, option.err().lines().count(), option.err());

        CliHarness.Outcome emulated = CliHarness.mpk("bench", "--emulated", "--list");
        assertEquals(Main.USAGE, emulated.status());
        assertEquals("mpk: bench: --emulated is for runs inside the PKU guest; times taken here are measured\n", emulated.err());
    }

    @Test
    void theWrpkruBenchmarkIsRefusedWithoutPku() {
        org.junit.jupiter.api.Assumptions.assumeFalse(mpkernel.isolation.Pku.probe().available(), "this machine has PKU");
        CliHarness.Outcome o = CliHarness.mpk("bench", "Wrpkru", "--list");
        assertEquals(Main.USAGE, o.status());
        assertTrue(o.err().startsWith("mpk: bench: WrpkruBench executes WRPKRU and needs PKU, which this machine lacks: absent"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }
}
