package mpkernel.user.bench;

import java.util.Locale;

import mpkernel.kernel.api.Sys;

/**
 * Collects the text of one NPB run and writes it with a single system call at the end, so that
 * console output does not add gate crossings to the measured overhead. The closing block follows
 * NPB's {@code print_results} ("XX Benchmark Completed.", Class, Size, Iterations, Time in
 * seconds, Mop/s total, Operation type, Verification); the last line is the machine-readable
 * {@code MPK-RESULT} line the experiment driver parses.
 */
final class NpbReport {

    private final StringBuilder text = new StringBuilder(1024);

    /** Appends {@code format} formatted in the root locale (so decimals always use '.'). */
    NpbReport add(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args));
        return this;
    }

    /** Appends NPB's closing block. */
    NpbReport completed(String benchmark, char npbClass, String size, int iterations, double seconds,
                        double mops, String operationType, boolean verified) {
        add("%n %s Benchmark Completed.%n", benchmark);
        field("Class", String.valueOf(npbClass));
        field("Size", size);
        field("Iterations", Integer.toString(iterations));
        field("Time in seconds", String.format(Locale.ROOT, "%.2f", seconds));
        field("Mop/s total", String.format(Locale.ROOT, "%.2f", mops));
        field("Operation type", operationType);
        field("Verification", verified ? "SUCCESSFUL" : "UNSUCCESSFUL");
        field("Version", "3.3.1 (mpkernel Java)");
        return this;
    }

    private void field(String name, String value) {
        add(" %-16s= %24s%n", name, value);
    }

    /** Appends the MPK-RESULT line, writes everything to stdout, and returns the exit status. */
    int emit(Sys sys, String program, char npbClass, double seconds, boolean verified) {
        add("MPK-RESULT benchmark=%s size=%c seconds=%.6f verified=%b%n", program, npbClass, seconds, verified);
        sys.write(Sys.STDOUT, text.toString());
        return verified ? 0 : 1;
    }

    /** Mop/s from an operation count and a time, 0 when the time is not positive. */
    static double mops(double operations, double seconds) {
        return seconds > 0 ? operations / seconds / 1.0e6 : 0.0;
    }

    /** Seconds between two {@code CLOCK_MONOTONIC} readings. */
    static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) * 1.0e-9;
    }
}
