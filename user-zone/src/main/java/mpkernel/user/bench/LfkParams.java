package mpkernel.user.bench;

/**
 * The run parameters of the Livermore Fortran Kernels, from F. H. McMahon, "The Livermore Fortran
 * Kernels: a computer test of the numerical performance range", UCRL-53745, LLNL, December 1986:
 * the three parts of the test with their DO-loop spans (long, medium, short vectors), the passes
 * per kernel ({@code Loop} multipliers that roughly equalise kernel times), the floating-point
 * operations credited per inner iteration, and the weights 1, 2, 1 of the parts in the overall
 * means. Index 0 of every per-kernel table is unused so that kernel {@code k} is at index {@code k}.
 */
final class LfkParams {

    /** Number of kernels. */
    static final int KERNELS = 24;
    /** Number of parts (spans). */
    static final int PARTS = 3;

    /** DO-loop span {@code n} per part and kernel. */
    static final int[][] SPAN = {
        {0, 1001, 101, 1001, 1001, 1001, 64, 995, 100, 101, 101, 1001, 1000,
            64, 1001, 101, 75, 101, 100, 101, 1000, 101, 101, 100, 1001},
        {0, 101, 101, 101, 101, 101, 32, 101, 100, 101, 101, 101, 100,
            32, 101, 101, 40, 101, 100, 101, 100, 50, 101, 100, 101},
        {0, 27, 15, 27, 27, 27, 8, 21, 14, 15, 15, 27, 26,
            8, 27, 15, 15, 15, 14, 15, 26, 20, 15, 14, 27},
    };

    /** Relative pass counts per part and kernel. */
    static final int[][] LOOP = {
        {0, 7, 67, 9, 14, 10, 3, 4, 10, 36, 34, 11, 12, 36, 2, 1, 25, 35, 2, 39, 1, 1, 11, 8, 5},
        {0, 40, 40, 53, 70, 55, 7, 22, 6, 21, 19, 64, 68, 41, 10, 1, 27, 20, 1, 23, 8, 1, 7, 5, 31},
        {0, 28, 46, 37, 38, 40, 21, 20, 9, 26, 25, 46, 48, 31, 8, 1, 14, 26, 2, 28, 7, 1, 8, 7, 23},
    };

    /**
     * Passes of one sample are {@code LOOP[part][k] * PASS_MULTIPLIER}. Fixed, because the
     * checksums of the kernels whose data evolve from pass to pass depend on it; the size of a run
     * only changes the number of samples, each of which starts from freshly prepared data.
     */
    static final int PASS_MULTIPLIER = 10;

    /** Floating-point operations credited per inner iteration. */
    static final int[] FLOPS = {0, 5, 4, 2, 2, 2, 2, 16, 36, 17, 9, 1, 1, 7, 11, 33, 10, 9, 44, 6, 26, 2, 17, 11, 1};

    /** Weights of the parts in the overall means. */
    static final double[] WEIGHT = {1.0, 2.0, 1.0};

    /** Names of the kernels for the report. */
    static final String[] TITLE = {"",
        "hydro fragment", "ICCG excerpt", "inner product", "banded linear equations",
        "tridiagonal elimination", "general linear recurrence", "equation of state", "ADI integration",
        "integrate predictors", "difference predictors", "first sum", "first difference",
        "2-D particle in cell", "1-D particle in cell", "casual Fortran", "Monte Carlo search",
        "implicit conditional", "2-D explicit hydrodynamics", "general linear recurrence",
        "discrete ordinates transport", "matrix*matrix product", "Planckian distribution",
        "2-D implicit hydrodynamics", "first minimum location"};

    private LfkParams() {
    }

    /** Passes of one sample of kernel {@code k} in part {@code part}. */
    static int passes(int part, int k) {
        return LOOP[part][k] * PASS_MULTIPLIER;
    }

    /**
     * Inner iterations credited per pass, following the LFK convention (kernel 16's flops are
     * counted while it runs, see {@link #kernel16Flops}).
     */
    static long iterations(int k, int n) {
        return switch (k) {
            case 2 -> n - 4;
            case 4 -> ((n - 5) / 5 + 1) * 3L;
            case 5, 11, 24 -> n - 1;
            case 6 -> (long) n * ((n - 1) / 2);
            case 8 -> 2L * (n - 1);
            case 15, 18, 23 -> 5L * (n - 1);
            case 21 -> 625L * n;
            default -> n;
        };
    }

    /** Floating-point operations of {@code passes} passes of kernel {@code k} (not 16) at span {@code n}. */
    static double flops(int k, int n, int passes) {
        return (double) FLOPS[k] * iterations(k, n) * passes;
    }

    /** Kernel 16's flops from its counters: two per search step, ten per distance evaluation. */
    static double kernel16Flops(long k2, long k3) {
        return 2.0 * k2 + 10.0 * k3;
    }
}
