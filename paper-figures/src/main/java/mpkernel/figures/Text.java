package mpkernel.figures;

import java.util.Collection;
import java.util.Locale;

/** Numbers as the figures and captions print them. */
final class Text {

    private Text() {
    }

    /** A fraction as a signed percentage: 0.006 → {@code +0.60%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * fraction);
    }

    /** A fraction with its interval: {@code +0.60% [-0.10%, +1.30%]}; the value alone when the interval is NaN. */
    static String percent(double fraction, double low, double high) {
        return Double.isNaN(low) || Double.isNaN(high) ? percent(fraction) + " (no interval)"
                : percent(fraction) + " [" + percent(low) + ", " + percent(high) + "]";
    }

    /**
     * A relative change for a label: a signed percentage up to +999%, beyond that the factor,
     * which reads better: 0.123 → {@code +12.3%}, 350 → {@code ×351}.
     */
    static String change(double fraction) {
        return fraction < 10 ? String.format(Locale.ROOT, "%+.1f%%", 100 * fraction) : String.format(Locale.ROOT, "×%,.0f", 1 + fraction);
    }

    /** A share as an unsigned percentage with one decimal: 0.8237 → {@code 82.4%}. */
    static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** {@code n} and a noun, plural unless n is 1: {@code 1 point}, {@code 3 points}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A number as written by hand, without trailing zeros: 0.0010 → {@code 0.001}, 100.0 → {@code 100}. */
    static String trimmed(double x) {
        return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    /** A size in bytes, binary prefixes: 1 → {@code 1 B}, 4096 → {@code 4 KB}, 1048576 → {@code 1 MB}. */
    static String bytes(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return n / (1 << 20) + " MB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return n / (1 << 10) + " KB";
        }
        return n + " B";
    }

    /** A duration in nanoseconds, three significant digits below 100: {@code 5.52 ns}, {@code 1237 ns}. */
    static String nanos(double ns) {
        return (ns >= 100 ? String.format(Locale.ROOT, "%.0f", ns) : String.format(Locale.ROOT, "%.3g", ns)) + " ns";
    }

    /** Whether {@code values} (NaN ignored) are all positive and span more than a factor of 20: then only a log axis shows them all. */
    static boolean needsLogAxis(Collection<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).min().orElse(1);
        double max = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(1);
        return min > 0 && max / min > 20;
    }
}
