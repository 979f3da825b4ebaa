package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * LINPACK's {@code dgefa} and {@code dgesl} with the three level-1 BLAS they use
 * ({@code idamax}, {@code dscal}, {@code daxpy}), on a column-major matrix in user memory.
 *
 * <p>Why this shape: the benchmark times exactly these two routines, whose inner loop is a
 * column {@code daxpy} (J. J. Dongarra, J. R. Bunch, C. B. Moler, G. W. Stewart, <i>LINPACK
 * Users' Guide</i>, SIAM 1979, chapter 1; J. J. Dongarra, "Performance of Various Computers Using
 * Standard Linear Equations Software", report CS-89-85). {@code dgefa}: Gaussian elimination by
 * columns with partial pivoting, storing the multipliers (negated) below the diagonal and the
 * pivot rows in {@code ipvt}. {@code dgesl} ({@code job = 0}): applies the row interchanges and
 * multipliers to {@code b} (forward elimination with L), then back-substitutes with U.
 * Indices are zero-based.
 */
final class LinpackLu {

    private LinpackLu() {
    }

    /**
     * Factors {@code s.a} in place; returns -1 if every pivot was non-zero, otherwise the index
     * of the last zero pivot (LINPACK's {@code info}, zero-based), in which case {@code dgesl}
     * would divide by zero.
     */
    static int dgefa(LinpackSystem s) {
        MemorySegment a = s.a;
        int n = s.n;
        long lda = s.lda;
        int info = -1;
        for (int k = 0; k < n - 1; k++) {
            long colK = k * lda;
            int l = k + idamax(n - k, a, colK + k);
            s.ipvt.setAtIndex(JAVA_INT, k, l);
            double pivot = a.getAtIndex(JAVA_DOUBLE, colK + l);
            if (pivot == 0.0) {
                info = k;
                continue;
            }
            if (l != k) {
                a.setAtIndex(JAVA_DOUBLE, colK + l, a.getAtIndex(JAVA_DOUBLE, colK + k));
                a.setAtIndex(JAVA_DOUBLE, colK + k, pivot);
            }
            dscal(n - k - 1, -1.0 / pivot, a, colK + k + 1);
            for (int j = k + 1; j < n; j++) {
                long colJ = j * lda;
                double t = a.getAtIndex(JAVA_DOUBLE, colJ + l);
                if (l != k) {
                    a.setAtIndex(JAVA_DOUBLE, colJ + l, a.getAtIndex(JAVA_DOUBLE, colJ + k));
                    a.setAtIndex(JAVA_DOUBLE, colJ + k, t);
                }
                daxpy(n - k - 1, t, a, colK + k + 1, a, colJ + k + 1);
            }
        }
        s.ipvt.setAtIndex(JAVA_INT, n - 1, n - 1);
        if (a.getAtIndex(JAVA_DOUBLE, (n - 1) * lda + (n - 1)) == 0.0) {
            info = n - 1;
        }
        return info;
    }

    /** Solves {@code A x = b} with the factors from {@link #dgefa}; {@code s.b} becomes {@code x}. */
    static void dgesl(LinpackSystem s) {
        MemorySegment a = s.a;
        MemorySegment b = s.b;
        int n = s.n;
        long lda = s.lda;
        for (int k = 0; k < n - 1; k++) {
            int l = s.pivot(k);
            double t = b.getAtIndex(JAVA_DOUBLE, l);
            if (l != k) {
                b.setAtIndex(JAVA_DOUBLE, l, b.getAtIndex(JAVA_DOUBLE, k));
                b.setAtIndex(JAVA_DOUBLE, k, t);
            }
            daxpy(n - k - 1, t, a, k * lda + k + 1, b, k + 1);
        }
        for (int k = n - 1; k >= 0; k--) {
            double xk = b.getAtIndex(JAVA_DOUBLE, k) / a.getAtIndex(JAVA_DOUBLE, k * lda + k);
            b.setAtIndex(JAVA_DOUBLE, k, xk);
            daxpy(k, -xk, a, k * lda, b, 0);
        }
    }

    /** Offset (from {@code from}) of the element of largest magnitude among {@code count}; the first on ties. */
    static int idamax(int count, MemorySegment v, long from) {
        int best = 0;
        double max = Math.abs(v.getAtIndex(JAVA_DOUBLE, from));
        for (int i = 1; i < count; i++) {
            double value = Math.abs(v.getAtIndex(JAVA_DOUBLE, from + i));
            if (value > max) {
                max = value;
                best = i;
            }
        }
        return best;
    }

    /** {@code v[from..from+count) *= factor}. */
    static void dscal(int count, double factor, MemorySegment v, long from) {
        for (int i = 0; i < count; i++) {
            v.setAtIndex(JAVA_DOUBLE, from + i, factor * v.getAtIndex(JAVA_DOUBLE, from + i));
        }
    }

    /** {@code y[yFrom + i] += factor * x[xFrom + i]} for {@code i < count}. */
    static void daxpy(int count, double factor, MemorySegment x, long xFrom, MemorySegment y, long yFrom) {
        if (factor == 0.0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            y.setAtIndex(JAVA_DOUBLE, yFrom + i, y.getAtIndex(JAVA_DOUBLE, yFrom + i) + factor * x.getAtIndex(JAVA_DOUBLE, xFrom + i));
        }
    }
}
