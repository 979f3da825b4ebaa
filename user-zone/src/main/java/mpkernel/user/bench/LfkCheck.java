package mpkernel.user.bench;

/**
 * Compares a kernel checksum with its expected value the way the LFK report grades them: by the
 * number of agreeing significant digits (16 for identical values, 0 for opposite signs). A
 * checksum passes with at least {@link #REQUIRED_DIGITS}. Java evaluates the kernels' IEEE
 * arithmetic exactly as written (no reassociation, no fused multiply-add, {@link StrictMath} for
 * {@code EXP}), so a correct run reproduces the table bit for bit; the margin only absorbs nothing
 * but printing.
 */
final class LfkCheck {

    /** Agreeing digits needed to pass. */
    static final int REQUIRED_DIGITS = 12;

    private LfkCheck() {
    }

    /** Agreeing significant digits of {@code actual} and {@code expected}, 0..16. */
    static int digits(double actual, double expected) {
        if (Double.doubleToRawLongBits(actual) == Double.doubleToRawLongBits(expected)) {
            return 16;
        }
        if (Double.isNaN(actual) || Double.isNaN(expected) || actual * expected < 0.0) {
            return 0;
        }
        double big = Math.max(Math.abs(actual), Math.abs(expected));
        double small = Math.min(Math.abs(actual), Math.abs(expected));
        double relative = 1.0 - small / big;
        if (relative == 0.0) {
            return 16;
        }
        return (int) Math.min(16, Math.max(0, Math.round(-Math.log10(relative))));
    }

    /** Whether {@code actual} agrees with {@code expected} to {@link #REQUIRED_DIGITS} digits. */
    static boolean passes(double actual, double expected) {
        return digits(actual, expected) >= REQUIRED_DIGITS;
    }
}
