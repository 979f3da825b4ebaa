package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import mpkernel.kernel.api.UserProgram;

/**
 * Runs an NPB port on {@link TestSysNpb} and checks the contract every port shares: exit status,
 * verification line, the MPK-RESULT line last, one write, all memory freed.
 *
 * @param status exit status
 * @param out captured stdout
 * @param err captured stderr
 */
record NpbTestRun(int status, String out, String err) {

    private static final Pattern RESULT = Pattern.compile(
            "MPK-RESULT benchmark=(npb-[a-z]+) size=([SWA]) seconds=\\d+\\.\\d{6} verified=(true|false)");

    /** Runs {@code program} with {@code args}. */
    static NpbTestRun of(UserProgram program, String... args) {
        try (TestSysNpb sys = new TestSysNpb()) {
            int status = program.main(sys, List.of(args));
            assertEquals(0, sys.liveBlocks(), "every malloc'd block is freed");
            if (status != 2) {
                assertEquals(1, sys.writes(), "the report is written with a single system call");
            }
            return new NpbTestRun(status, sys.out(), sys.err());
        }
    }

    /** Checks a run of {@code program} in class {@code npbClass} that must (or must not) verify. */
    void assertReport(String program, String benchmark, char npbClass, boolean verified) {
        assertEquals(verified ? 0 : 1, status, out);
        assertTrue(out.contains(" " + benchmark + " Benchmark Completed."), out);
        assertTrue(out.contains(String.format(" %-16s= %24s%n", "Class", npbClass)), out);
        assertTrue(out.contains(String.format(" %-16s= %24s%n", "Verification",
                verified ? "SUCCESSFUL" : "UNSUCCESSFUL")), out);
        String[] lines = out.split("\n");
        String last = lines[lines.length - 1];
        var m = RESULT.matcher(last);
        assertTrue(m.matches(), "last line: " + last);
        assertEquals(program, m.group(1));
        assertEquals(String.valueOf(npbClass), m.group(2));
        assertEquals(String.valueOf(verified), m.group(3));
        assertTrue(out.endsWith("\n"));
        assertEquals("", err);
    }

    /** Checks a run rejected for bad arguments. */
    void assertUsage(String program) {
        assertEquals(2, status);
        assertEquals("", out);
        assertTrue(err.startsWith("usage: " + program), err);
        assertEquals(1, err.split("\n").length);
    }
}
