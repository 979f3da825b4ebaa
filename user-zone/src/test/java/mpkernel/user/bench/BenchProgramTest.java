package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import mpkernel.kernel.api.Sys;
import org.junit.jupiter.api.Test;

/** The contract {@link BenchProgram} gives every benchmark, shown on a small program of its own. */
class BenchProgramTest {

    /** Allocates a block, reports one line, and reports the verdict and failure it is told to. */
    private static final class Fake extends BenchProgram<Fake.Params> {

        record Params(String size, boolean verified, boolean fail) {
        }

        Fake() {
            super("fake", "[--size small|default|large] [--verified yes|no] [--fail yes]");
        }

        @Override
        Params parse(List<String> args) {
            BenchArgs parsed = BenchArgs.parse(args, Set.of("size", "verified", "fail"));
            return new Params(parsed.size(), parsed.word("verified", "yes").equals("yes"), parsed.has("fail"));
        }

        @Override
        Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
            memory.doubles(8);
            if (p.fail()) {
                throw new IllegalStateException("the run failed");
            }
            report.add("fake report%n");
            return new Result(p.size(), 1.5, p.verified());
        }
    }

    @Test
    void badArgumentExitsTwoWithOneLineOnStandardError() {
        BenchRun run = BenchRun.of(new Fake(), "--bogus", "1");
        run.assertUsage("fake");
        assertEquals("fake: unknown option --bogus; usage: fake [--size small|default|large] [--verified yes|no]"
                + " [--fail yes]\n", run.err());
        assertEquals(1, run.writes(), "the usage line is one write");
        assertEquals("fake: unknown size 'huge'; usage: fake [--size small|default|large] [--verified yes|no]"
                + " [--fail yes]\n", BenchRun.of(new Fake(), "--size", "huge").err());
    }

    @Test
    void verifiedRunEndsWithTheResultLineAndExitsZero() {
        BenchRun run = BenchRun.of(new Fake(), "--size", "small");
        run.assertResult("fake", "small", true);
        assertEquals("fake report\nMPK-RESULT benchmark=fake size=small seconds=1.500000 verified=true\n", run.out());
        assertEquals(1, run.writes(), "the report and the result line are one write");
    }

    @Test
    void unverifiedRunExitsOne() {
        BenchRun run = BenchRun.of(new Fake(), "--verified", "no");
        run.assertResult("fake", "default", false);
        assertEquals("MPK-RESULT benchmark=fake size=default seconds=1.500000 verified=false", run.lastLine());
    }

    @Test
    void resultLineIgnoresTheLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("MPK-RESULT benchmark=fake size=small seconds=1.500000 verified=true",
                    BenchRun.of(new Fake(), "--size=small").lastLine());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void memoryIsFreedWhenTheRunFails() {
        try (TestSys sys = new TestSys()) {
            assertThrows(IllegalStateException.class, () -> new Fake().main(sys, List.of("--fail", "yes")));
            assertEquals(0, sys.liveBlocks());
            assertEquals("", sys.out());
        }
    }

    @Test
    void npbPortsKeepNpbsUsageLine() {
        BenchRun run = BenchRun.of(new NpbEp(), "--class", "Z");
        run.assertUsage("npb-ep");
        assertEquals("usage: npb-ep [--class S|W|A]  (NPB problem class, default S)\n", run.err());
    }

    @Test
    void stopwatchReadsTheClockOnceAtTheStartAndOncePerLap() {
        try (TestSys sys = new TestSys()) {
            Stopwatch stopwatch = Stopwatch.start(sys);
            double first = stopwatch.lap();
            double second = stopwatch.lap();
            assertEquals(3, sys.clockReads());
            assertTrue(first >= 0 && second >= 0, first + ", " + second);
        }
    }
}
