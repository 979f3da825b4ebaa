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
        assertEquals("""
                ActiveDomainsBench.roundTrip
                GateBench.floor
                GateBench.roundTrip
                KeyCacheBench.hit
                KeyCacheBench.miss
                MallocBench.mallocFree
                NullSyscallBench.getpid
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
        assertTrue(none.err().startsWith("mpk: bench: no benchmark matches 'NoSuchBench'; known: ActiveDomainsBench.roundTrip, GateBench.floor, "), none.err());
        assertEquals(1, none.err().lines().count(), none.err());
        assertEquals("", none.out());

        CliHarness.Outcome option = CliHarness.mpk("bench", "--fast");
        assertEquals(Main.USAGE, option.status());
        assertEquals(1, option.err().lines().count(), option.err());
    }
}
