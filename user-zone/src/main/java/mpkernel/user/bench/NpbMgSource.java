package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The right-hand side of NPB MG (NPB's zran3): a grid that is zero except for +1 at the ten
 * interior points holding the largest of n^3 NPB deviates and -1 at the ten holding the smallest.
 *
 * <p>Specification: RNR-94-007 section 2.6: the deviates (seed 314159265, a = 5^13) are laid out
 * with the first dimension varying fastest; each line starts from the seed advanced by
 * {@code a^n} per line and {@code a^(n^2)} per plane, so that lines can be filled independently.
 */
final class NpbMgSource {

    private static final long SEED = 314159265L;
    private static final int MARKED = 10;

    private NpbMgSource() {
    }

    /** Fills grid {@code v} ({@code m = n + 2} points per dimension, at element 0) with the source. */
    static void fill(MemorySegment v, int n) {
        int m = n + 2;
        long plane = (long) m * m;
        NpbMgKernels.zero(v, 0, m);
        long perLine = NpbRandom.power(NpbRandom.A, n);
        long perPlane = NpbRandom.power(NpbRandom.A, (long) n * n);
        long planeSeed = SEED;
        for (int i3 = 1; i3 <= n; i3++) {
            long lineSeed = planeSeed;
            for (int i2 = 1; i2 <= n; i2++) {
                NpbRandom.fill(v, 1 + (long) m * i2 + plane * i3, n, lineSeed, NpbRandom.A);
                lineSeed = NpbRandom.multiply(perLine, lineSeed);
            }
            planeSeed = NpbRandom.multiply(perPlane, planeSeed);
        }

        // Ten largest, kept ascending (largest[0] is the smallest of them), and ten smallest, kept descending.
        double[] largest = new double[MARKED];
        long[] largestAt = new long[MARKED];
        double[] smallest = new double[MARKED];
        long[] smallestAt = new long[MARKED];
        Arrays.fill(smallest, 1.0);
        for (int i3 = 1; i3 <= n; i3++) {
            for (int i2 = 1; i2 <= n; i2++) {
                long row = (long) m * i2 + plane * i3;
                for (int i1 = 1; i1 <= n; i1++) {
                    double x = v.getAtIndex(JAVA_DOUBLE, row + i1);
                    if (x > largest[0]) {
                        largest[0] = x;
                        largestAt[0] = row + i1;
                        bubble(largest, largestAt, true);
                    }
                    if (x < smallest[0]) {
                        smallest[0] = x;
                        smallestAt[0] = row + i1;
                        bubble(smallest, smallestAt, false);
                    }
                }
            }
        }
        NpbMgKernels.zero(v, 0, m);
        for (int i = MARKED - 1; i >= 0; i--) {
            v.setAtIndex(JAVA_DOUBLE, smallestAt[i], -1.0);
        }
        for (int i = MARKED - 1; i >= 0; i--) {
            v.setAtIndex(JAVA_DOUBLE, largestAt[i], 1.0);
        }
        NpbMgKernels.periodic(v, 0, m);
    }

    /** Moves a new entry at position 0 up to its place (ascending if {@code ascending}, else descending). */
    private static void bubble(double[] value, long[] at, boolean ascending) {
        for (int i = 0; i < value.length - 1; i++) {
            boolean outOfOrder = ascending ? value[i] > value[i + 1] : value[i] < value[i + 1];
            if (!outOfOrder) {
                return;
            }
            double v = value[i];
            value[i] = value[i + 1];
            value[i + 1] = v;
            long a = at[i];
            at[i] = at[i + 1];
            at[i + 1] = a;
        }
    }
}
