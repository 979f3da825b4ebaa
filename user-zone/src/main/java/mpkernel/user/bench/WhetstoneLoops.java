package mpkernel.user.bench;

/**
 * The loop counts of the Whetstone modules for a given {@code LOOP} (Curnow &amp; Wichmann 1976,
 * double-precision FORTRAN version): N1..N11 are fixed multiples of {@code LOOP}; modules 1, 5
 * and 10 have count 0 in the published program (module 5 does not exist at all). One major loop
 * with {@code LOOP = 10} executes one million Whetstone instructions.
 */
final class WhetstoneLoops {

    /** The modules in printout order and their multipliers of {@code LOOP}. */
    static final int[] MODULES = {1, 2, 3, 4, 6, 7, 8, 9, 10, 11};
    private static final long[] FACTORS = {0, 12, 14, 345, 210, 32, 899, 616, 0, 93};

    /** The module numbers of printout rows 0..9. */
    static final String[] NAMES = {"N1", "N2", "N3", "N4", "N6", "N7", "N8", "N9", "N10", "N11"};

    private WhetstoneLoops() {
    }

    /** The loop count of printout row {@code row} (0 = module 1, ..., 9 = module 11). */
    static long count(int row, long loop) {
        return FACTORS[row] * loop;
    }

    /** Whetstone instructions of {@code iterations} major loops: 100,000 per unit of {@code LOOP}. */
    static double instructions(long loop, long iterations) {
        return 100_000.0 * loop * iterations;
    }
}
