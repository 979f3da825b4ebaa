package mpkernel.user.bench;

import java.util.Locale;
import mpkernel.kernel.api.Sys;

/**
 * Collects a classic benchmark's report in memory and writes it with few system calls: every
 * {@code write} crosses the user-to-kernel gate, so a write per number would distort the very
 * overhead the paper measures. The last line is always the machine-readable {@code MPK-RESULT}.
 */
final class ClassicReport {

    private final StringBuilder text = new StringBuilder(4096);

    /** Appends formatted text ({@link Locale#ROOT}, so decimal points do not depend on the host). */
    ClassicReport add(String format, Object... values) {
        text.append(String.format(Locale.ROOT, format, values));
        return this;
    }

    /** Writes what was collected so far to standard output in one call and forgets it. */
    void flush(Sys sys) {
        if (!text.isEmpty()) {
            sys.write(Sys.STDOUT, text.toString());
            text.setLength(0);
        }
    }

    /** Appends the final machine-readable line and writes everything. */
    void finish(Sys sys, String benchmark, String size, double seconds, boolean verified) {
        text.append(resultLine(benchmark, size, seconds, verified));
        flush(sys);
    }

    /** {@code MPK-RESULT benchmark=<name> size=<label> seconds=<%.6f> verified=<true|false>} and a newline. */
    static String resultLine(String benchmark, String size, double seconds, boolean verified) {
        return String.format(Locale.ROOT, "MPK-RESULT benchmark=%s size=%s seconds=%.6f verified=%b%n",
                benchmark, size, seconds, verified);
    }

    /** Writes the usage line for a bad command line to standard error; returns the exit status 2. */
    static int usage(Sys sys, String program, String usage, ClassicUsageException problem) {
        sys.write(Sys.STDERR, program + ": " + problem.getMessage() + "; usage: " + program + " " + usage + "\n");
        return 2;
    }

    /** Seconds between two {@link Sys#CLOCK_MONOTONIC} readings. */
    static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }
}
