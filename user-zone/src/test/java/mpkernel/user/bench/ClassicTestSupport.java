package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import mpkernel.kernel.api.UserProgram;

/** Runs a classic benchmark program on a {@link TestSysClassic} and checks the shape of its report. */
final class ClassicTestSupport {

    private static final Pattern RESULT = Pattern.compile(
            "MPK-RESULT benchmark=(\\S+) size=(\\S+) seconds=(\\d+\\.\\d{6}) verified=(true|false)");

    /** What a run left behind. */
    record Run(int status, String out, String err, int writes) {

        /** The last line of standard output. */
        String lastLine() {
            String[] lines = out.split("\n");
            return lines[lines.length - 1];
        }
    }

    private ClassicTestSupport() {
    }

    /** Runs {@code program} with {@code args}; checks that it freed all its memory. */
    static Run run(UserProgram program, String... args) {
        try (TestSysClassic sys = new TestSysClassic()) {
            int status = program.main(sys, List.of(args));
            assertEquals(0, sys.liveBlocks(), "blocks left allocated");
            return new Run(status, sys.out(), sys.err(), sys.writes());
        }
    }

    /** Asserts the final MPK-RESULT line for {@code benchmark}, {@code size} and verdict. */
    static void assertResultLine(Run run, String benchmark, String size, boolean verified) {
        assertTrue(run.out().endsWith("\n"), "output ends with a newline");
        String last = run.lastLine();
        var matcher = RESULT.matcher(last);
        assertTrue(matcher.matches(), "last line is machine-readable: " + last);
        assertEquals(benchmark, matcher.group(1));
        assertEquals(size, matcher.group(2));
        assertEquals(Boolean.toString(verified), matcher.group(4));
    }

    /** Asserts a bad command line: status 2, one usage line on standard error, nothing else. */
    static void assertUsage(UserProgram program, String... args) {
        Run run = run(program, args);
        assertEquals(2, run.status());
        assertTrue(run.err().contains("usage: " + program.name()), run.err());
        assertEquals(1, run.err().split("\n").length, "one usage line");
        assertEquals("", run.out());
    }
}
