package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import mpkernel.kernel.api.UserProgram;

/**
 * What one run of a benchmark program on a fresh {@link TestSys} left behind, with the checks of
 * the contract every benchmark shares: the {@code MPK-RESULT} line last with the verification
 * verdict and an exit status to match, or exit status 2 with one usage line for a bad command line.
 *
 * @param status exit status
 * @param out captured standard output
 * @param err captured standard error
 * @param writes number of write calls
 * @param clockReads number of clock_gettime calls
 */
record BenchRun(int status, String out, String err, int writes, int clockReads) {

    private static final Pattern RESULT = Pattern.compile(
            "MPK-RESULT benchmark=(\\S+) size=(\\S+) seconds=\\d+\\.\\d{6} verified=(true|false)");

    /** Runs {@code program} with {@code args}; checks that it freed every block it allocated. */
    static BenchRun of(UserProgram program, String... args) {
        try (TestSys sys = new TestSys()) {
            int status = program.main(sys, List.of(args));
            assertEquals(0, sys.liveBlocks(), "every malloc'd block is freed");
            return new BenchRun(status, sys.out(), sys.err(), sys.writes(), sys.clockReads());
        }
    }

    /** The name {@code program} is run by, from its {@code @Program} annotation. */
    static String nameOf(UserProgram program) {
        return program.getClass().getAnnotation(mpkernel.kernel.api.Program.class).name();
    }

    /** The last line of standard output. */
    String lastLine() {
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }

    /**
     * Checks a completed run: exit status 0 if {@code verified}, else 1; nothing on standard
     * error; standard output ending in the {@code MPK-RESULT} line for {@code benchmark},
     * {@code size} and the verdict.
     */
    void assertResult(String benchmark, String size, boolean verified) {
        assertEquals(verified ? 0 : 1, status, out);
        assertEquals("", err);
        assertTrue(out.endsWith("\n"), "output ends with a newline");
        String last = lastLine();
        var matcher = RESULT.matcher(last);
        assertTrue(matcher.matches(), "last line is machine-readable: " + last);
        assertEquals(benchmark, matcher.group(1));
        assertEquals(size, matcher.group(2));
        assertEquals(Boolean.toString(verified), matcher.group(3));
    }

    /** Checks a run rejected for bad arguments: status 2, one usage line on standard error, nothing else. */
    void assertUsage(String program) {
        assertEquals(2, status, err);
        assertEquals("", out);
        assertTrue(err.contains("usage: " + program), err);
        assertEquals(err.length() - 1, err.indexOf('\n'), "one usage line: " + err);
    }

    /** Checks that {@code program} rejects each of {@code commandLines} as {@link #assertUsage} says. */
    static void assertUsage(UserProgram program, List<List<String>> commandLines) {
        for (List<String> args : commandLines) {
            of(program, args.toArray(String[]::new)).assertUsage(BenchRun.nameOf(program));
        }
    }
}
