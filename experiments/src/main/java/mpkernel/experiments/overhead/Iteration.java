package mpkernel.experiments.overhead;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a benchmark program inside a kernel: the timed section the program reported, its
 * verdict, and the gate crossings of the whole run.
 *
 * @param warmup whether this was a warm-up iteration (not measured)
 * @param seconds the program's timed section, from its {@code MPK-RESULT} line
 * @param verified the program's own verification verdict
 * @param syscalls crossings of the user-to-kernel gate during the run
 * @param unsafeCalls crossings of the kernel-to-unsafe gate during the run
 * @param wallSeconds wall time of the whole program run, boot excluded
 */
public record Iteration(boolean warmup, double seconds, boolean verified, long syscalls, long unsafeCalls,
                        double wallSeconds) {

    private static final Pattern RESULT = Pattern.compile(
            "^MPK-RESULT benchmark=(\\S+) size=(\\S+) seconds=([0-9.eE+-]+) verified=(true|false)$", Pattern.MULTILINE);

    /** The {@code seconds} and {@code verified} of the last {@code MPK-RESULT} line in {@code output}. */
    static double[] parseResult(String output) {
        Matcher m = RESULT.matcher(output);
        double[] last = null;
        while (m.find()) {
            last = new double[] {Double.parseDouble(m.group(3)), m.group(4).equals("true") ? 1 : 0};
        }
        if (last == null) {
            throw new IllegalStateException("the program printed no MPK-RESULT line");
        }
        return last;
    }

    /**
     * The iteration a kernel reported: {@code result} is the program's last {@code MPK-RESULT}
     * line; it verified only if that line says so and the program exited with 0.
     */
    public static Iteration of(boolean warmup, String result, boolean exitedCleanly, long syscalls, long unsafeCalls, double wallSeconds) {
        double[] r = parseResult(result);
        return new Iteration(warmup, r[0], r[1] == 1 && exitedCleanly, syscalls, unsafeCalls, wallSeconds);
    }
}
