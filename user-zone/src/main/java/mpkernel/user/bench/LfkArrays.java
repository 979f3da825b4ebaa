package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import mpkernel.kernel.api.Sys;

/**
 * The Livermore kernels' arrays, one {@code malloc}'d block each, a second block per array holding
 * its pristine initial data (copied back before each sample), and a small block for the scalar
 * results the kernels leave behind (kernel 3's inner product, kernel 16's counters, ...).
 */
final class LfkArrays implements AutoCloseable {

    // Scalar results, 8 bytes each.
    static final long Q = 0;
    static final long M24 = 8;
    static final long STB5 = 16;
    static final long XNM = 24;
    static final long K2 = 32;
    static final long K3 = 40;
    static final long J5 = 48;
    static final long M16 = 56;
    private static final long RESULTS_SIZE = 64;

    private final Sys sys;
    private final MemorySegment[] blocks = new MemorySegment[LfkArray.values().length];
    private final MemorySegment[] pristine = new MemorySegment[LfkArray.values().length];
    private MemorySegment results;

    /** Allocates every array; on failure frees what it got. */
    LfkArrays(Sys sys) {
        this.sys = sys;
        try {
            for (LfkArray a : LfkArray.values()) {
                blocks[a.ordinal()] = sys.malloc(a.bytes());
                pristine[a.ordinal()] = sys.malloc(a.bytes());
            }
            results = sys.malloc(RESULTS_SIZE);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The block of array {@code a}. */
    MemorySegment get(LfkArray a) {
        return blocks[a.ordinal()];
    }

    /** The block holding array {@code a}'s initial data. */
    MemorySegment pristine(LfkArray a) {
        return pristine[a.ordinal()];
    }

    /** The scalar-results block. */
    MemorySegment results() {
        return results;
    }

    double result(long slot) {
        return results.get(JAVA_DOUBLE, slot);
    }

    long count(long slot) {
        return results.get(JAVA_LONG, slot);
    }

    @Override
    public void close() {
        for (MemorySegment[] set : new MemorySegment[][] {blocks, pristine}) {
            for (int i = 0; i < set.length; i++) {
                if (set[i] != null) {
                    sys.free(set[i]);
                    set[i] = null;
                }
            }
        }
        if (results != null) {
            sys.free(results);
            results = null;
        }
    }
}
