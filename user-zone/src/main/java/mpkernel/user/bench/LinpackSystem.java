package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * The LINPACK linear system in user-heap memory: the {@code n x n} matrix {@code a} stored by
 * columns (Fortran order, element {@code (i, j)} at {@code i + j*lda}, as LINPACK's routines
 * expect), the right-hand side {@code b} (overwritten by the solution), a copy {@code x} of the
 * solution, the pivot indices {@code ipvt} and a scratch vector.
 *
 * <p>Input ({@link #generate}, the benchmark's {@code matgen}): elements drawn from the same set
 * as the original, multiples of 1/16384 in {@code [-2, 2)}, but from a seeded SplitMix64
 * ({@link PhoenixRandom}, shared with the Phoenix ports) instead of the original 16-bit
 * congruential generator, whose period of 16384 makes large matrices repeat themselves. As in the
 * original, {@code b} holds the row sums of {@code a}, so the exact solution is all ones.
 */
final class LinpackSystem {

    final int n;
    final int lda;
    final MemorySegment a;
    final MemorySegment b;
    final MemorySegment x;
    final MemorySegment ipvt;
    final MemorySegment scratch;

    private LinpackSystem(int n, MemorySegment a, MemorySegment b, MemorySegment x, MemorySegment ipvt, MemorySegment scratch) {
        this.n = n;
        this.lda = n;
        this.a = a;
        this.b = b;
        this.x = x;
        this.ipvt = ipvt;
        this.scratch = scratch;
    }

    /** Allocates a system of order {@code n} from {@code memory}. */
    static LinpackSystem allocate(BenchMemory memory, int n) {
        MemorySegment a = memory.doubles((long) n * n);
        MemorySegment b = memory.doubles(n);
        MemorySegment x = memory.doubles(n);
        MemorySegment ipvt = memory.ints(n);
        MemorySegment scratch = memory.doubles(n);
        return new LinpackSystem(n, a, b, x, ipvt, scratch);
    }

    /** Fills {@code a} from {@code seed} (column by column) and sets {@code b} to its row sums. */
    void generate(long seed) {
        PhoenixRandom random = new PhoenixRandom(seed);
        b.fill((byte) 0);
        for (int j = 0; j < n; j++) {
            long column = (long) j * lda;
            for (int i = 0; i < n; i++) {
                double value = (random.nextInt(65536) - 32768) / 16384.0;
                a.setAtIndex(JAVA_DOUBLE, column + i, value);
                b.setAtIndex(JAVA_DOUBLE, i, b.getAtIndex(JAVA_DOUBLE, i) + value);
            }
        }
    }

    /** Element {@code (i, j)} of {@code a}. */
    double get(int i, int j) {
        return a.getAtIndex(JAVA_DOUBLE, i + (long) j * lda);
    }

    /** Pivot row chosen at step {@code k}. */
    int pivot(int k) {
        return ipvt.getAtIndex(JAVA_INT, k);
    }
}
