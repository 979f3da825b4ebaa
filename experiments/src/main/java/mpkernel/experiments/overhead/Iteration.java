package mpkernel.experiments.overhead;

import java.util.Locale;
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
    private static final String PREFIX = "ITERATION ";

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

    /** This iteration as the line a child JVM prints. */
    String line() {
        return String.format(Locale.ROOT, "%s%s %.9f %b %d %d %.9f", PREFIX, warmup ? "warmup" : "measure", seconds, verified,
                syscalls, unsafeCalls, wallSeconds);
    }

    /** Parses {@link #line()}; {@code null} for other lines. */
    public static Iteration parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return new Iteration(f[0].equals("warmup"), Double.parseDouble(f[1]), Boolean.parseBoolean(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]));
    }
}
