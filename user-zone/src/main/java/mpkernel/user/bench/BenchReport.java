package mpkernel.user.bench;

import java.util.Locale;
import mpkernel.kernel.api.Sys;

/**
 * Collects a benchmark's report in memory and writes it with few system calls: every
 * {@code write} crosses the user-to-kernel gate, so a write per number would distort the very
 * overhead the paper measures. The last line is always the machine-readable
 * {@code MPK-RESULT benchmark=<name> size=<label> seconds=<%.6f> verified=<true|false>}, which
 * the experiment driver parses; all numbers are formatted in {@link Locale#ROOT}, so that a
 * host locale with a decimal comma cannot break it.
 */
final class BenchReport {

    private final StringBuilder text = new StringBuilder(4096);

    /** {@code String.format} in {@link Locale#ROOT}. */
    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Appends {@code format} formatted by {@link #fmt}. */
    BenchReport add(String format, Object... args) {
        text.append(fmt(format, args));
        return this;
    }

    /** Writes what was collected so far to standard output in one call and forgets it. */
    void flush(Sys sys) {
        if (!text.isEmpty()) {
            sys.write(Sys.STDOUT, text.toString());
            text.setLength(0);
        }
    }

    /**
     * Appends the {@code MPK-RESULT} line, writes everything not yet written in one call, and
     * returns the program's exit status: 0 when {@code verified}, else 1.
     */
    int finish(Sys sys, String benchmark, String size, double seconds, boolean verified) {
        add("MPK-RESULT benchmark=%s size=%s seconds=%.6f verified=%b%n", benchmark, size, seconds, verified);
        flush(sys);
        return verified ? 0 : 1;
    }
}
