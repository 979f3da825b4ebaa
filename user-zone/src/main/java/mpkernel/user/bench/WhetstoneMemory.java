package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * The Whetstone program's variables in user memory: the FORTRAN {@code COMMON T,T1,T2,E1(4),J,K,L},
 * the main program's {@code Z} (its address is passed to {@code P3}, so it cannot live in a
 * register) and the printout area where each module leaves its {@code POUT} line. They sit in one
 * {@code malloc}'d block, as a C build keeps them in its data segment.
 */
final class WhetstoneMemory {

    static final long T = 0;
    static final long T1 = 8;
    static final long T2 = 16;
    /** {@code E1(1)}; {@code E1(i)} is at {@code E1 + 8*(i-1)}. */
    static final long E1 = 24;
    static final long J = 56;
    static final long K = 60;
    static final long L = 64;
    static final long Z = 72;
    /** Printout row {@code r} occupies 56 bytes from {@code ROWS + 56*r}. */
    static final long ROWS = 80;
    private static final long ROW_BYTES = 56;
    /** Bytes to allocate. */
    static final long SIZE = ROWS + ROW_BYTES * WhetstoneLoops.MODULES.length;

    private final MemorySegment mem;

    WhetstoneMemory(MemorySegment mem) {
        this.mem = mem;
    }

    MemorySegment segment() {
        return mem;
    }

    double get(long offset) {
        return mem.get(JAVA_DOUBLE, offset);
    }

    void set(long offset, double value) {
        mem.set(JAVA_DOUBLE, offset, value);
    }

    int getInt(long offset) {
        return mem.get(JAVA_INT, offset);
    }

    void setInt(long offset, int value) {
        mem.set(JAVA_INT, offset, value);
    }

    /** {@code E1(i)}, FORTRAN index 1..4. */
    double e1(long i) {
        return mem.get(JAVA_DOUBLE, E1 + ((i - 1) << 3));
    }

    /** {@code E1(i) = value}. */
    void e1(long i, double value) {
        mem.set(JAVA_DOUBLE, E1 + ((i - 1) << 3), value);
    }

    /** Stores printout row {@code row}. */
    void pout(int row, long n, long j, long k, double x1, double x2, double x3, double x4) {
        long at = ROWS + ROW_BYTES * row;
        mem.set(JAVA_LONG, at, n);
        mem.set(JAVA_LONG, at + 8, j);
        mem.set(JAVA_LONG, at + 16, k);
        mem.set(JAVA_DOUBLE, at + 24, x1);
        mem.set(JAVA_DOUBLE, at + 32, x2);
        mem.set(JAVA_DOUBLE, at + 40, x3);
        mem.set(JAVA_DOUBLE, at + 48, x4);
    }

    /** Reads printout row {@code row} back. */
    WhetstoneRow row(int row) {
        long at = ROWS + ROW_BYTES * row;
        return new WhetstoneRow(mem.get(JAVA_LONG, at), mem.get(JAVA_LONG, at + 8), mem.get(JAVA_LONG, at + 16),
                mem.get(JAVA_DOUBLE, at + 24), mem.get(JAVA_DOUBLE, at + 32),
                mem.get(JAVA_DOUBLE, at + 40), mem.get(JAVA_DOUBLE, at + 48));
    }
}
