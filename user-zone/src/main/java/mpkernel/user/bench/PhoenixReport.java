package mpkernel.user.bench;

import java.util.Locale;

/**
 * Formatting shared by the Phoenix ports and {@link Linpack}: the final machine-readable line
 * and locale-independent numbers.
 *
 * <p>Why: the harness parses the last line of every run, so it must be spelled identically by
 * every program and never depend on the host's locale (a decimal comma would break it).
 */
final class PhoenixReport {

    private PhoenixReport() {
    }

    /** {@code String.format} in the root locale. */
    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Seconds between two {@code CLOCK_MONOTONIC} readings. */
    static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }

    /** The last line of the output, with its newline. */
    static String resultLine(String benchmark, String size, double seconds, boolean verified) {
        return fmt("MPK-RESULT benchmark=%s size=%s seconds=%.6f verified=%b\n", benchmark, size, seconds, verified);
    }
}
