package mpkernel.user.bench;

/**
 * The input data of the Livermore kernels, as pure functions of array, index and span, so that
 * the benchmark (which writes them into user memory) and an independent reference computation
 * (which writes them into Java arrays) start from identical data.
 *
 * <p>Most arrays hold a deterministic "signal": values within 2.5% of 0.1, drawn from a
 * SplitMix64 sequence seeded per array. Like the original's data they keep every kernel's
 * recurrences bounded and its comparisons mixed. The exceptions follow the roles the kernels give
 * their data: {@code GRD} holds grid indices 1..1001 (kernel 14), {@code DEX} is scaled by -100,
 * the particles {@code P} start at evenly spaced positions and velocities
 * ({@code 1 + 0.5*(l*512 + ip)}), the histograms {@code H} and {@code RH} start empty, {@code E}
 * and {@code F} hold the unit cell offset 1, and kernel 16's search tables follow the LFK set-up:
 * {@code D(1) = 1.01980486428764}, {@code D(l) = D(l-1) + 1e-4/D(l-1)}, and for span {@code n}
 * {@code PLAN = D(n)*(k+1)/k} and {@code ZONE = 2k} over four blocks of {@code k = 1..n}, with
 * {@code ZONE(2n+1) = n} ending the search.
 */
final class LfkInputs {

    /** {@code D(1..300)} of kernel 16. */
    private static final double[] D_TABLE = new double[300];

    static {
        D_TABLE[0] = 1.01980486428764;
        for (int l = 1; l < D_TABLE.length; l++) {
            D_TABLE[l] = D_TABLE[l - 1] + 1.000e-4 / D_TABLE[l - 1];
        }
    }

    // Indices of the scalar constants in scalar().
    static final int Q = 0;
    static final int R = 1;
    static final int T = 2;
    static final int S = 3;
    static final int DK = 4;
    static final int SIG = 5;
    /** {@code A11..A33} are {@code A11 + 3*(i-1) + (j-1)}. */
    static final int A11 = 6;
    static final int C0 = 15;
    /** {@code DM22..DM28} are {@code DM22 + (m-22)}. */
    static final int DM22 = 16;
    static final int STB5 = 23;
    /** Kernel 14's particle flux. */
    static final double FLX = 0.001;
    /** Kernel 22's largest exponent. */
    static final double EXPMAX = 20.0;

    private static final int SCALAR_SEED = 1000;

    private LfkInputs() {
    }

    /** A uniform number in [0, 1) from SplitMix64 of (seed, index). */
    static double unit(int seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The signal: within 2.5% of 0.1. */
    static double signal(int seed, int index) {
        return 0.1 * (1.0 + 0.05 * (unit(seed, index) - 0.5));
    }

    /** The scalar constant {@code index} ({@link #Q}, {@link #R}, ...). */
    static double scalar(int index) {
        return signal(SCALAR_SEED, index);
    }

    /** {@code D(index+1)} of kernel 16. */
    static double d(int index) {
        return D_TABLE[index];
    }

    /**
     * Initial value of element {@code i} of floating-point array {@code a}; {@code n} is the span of
     * kernel 16's tables (at most 75; larger spans, which no kernel 16 sample uses, are cut to 300).
     */
    static double value(LfkArray a, int i, int n) {
        return switch (a) {
            case GRD -> 1 + (int) (unit(a.ordinal() + 1, i) * 1001);
            case DEX -> -100.0 * signal(a.ordinal() + 1, i);
            case P -> 1.0 + 0.5 * ((i % 4) * 512 + i / 4);
            case H, RH -> 0.0;
            case D -> d(i);
            case PLAN -> i < 4 * n ? d(Math.min(n, D_TABLE.length) - 1) * ((i % n + 1 + 1.0) / (i % n + 1)) : 0.0;
            default -> signal(a.ordinal() + 1, i);
        };
    }

    /** Initial value of element {@code i} of integer array {@code a}; {@code n} is the span of kernel 16's tables. */
    static int intValue(LfkArray a, int i, int n) {
        return switch (a) {
            case E, F -> 1;
            case ZONE -> i == 2 * n ? n : i < 4 * n ? 2 * (i % n + 1) : 0;
            default -> 0;
        };
    }
}
