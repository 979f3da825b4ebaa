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

    /** A size in bytes as a short axis label: 512 → {@code 512}, 4096 → {@code 4K}, 1048576 → {@code 1M}. */
    static String bytesShort(long n) {
        return bytes(n).replace(" B", "").replace(" KB", "K").replace(" MB", "M");
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
