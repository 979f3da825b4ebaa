package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/**
 * LINPACK's accuracy check: regenerate {@code A} and {@code b}, form the residual
 * {@code r = A x - b} of the computed solution and scale it,
 * {@code residn = ||r|| / (n * ||A|| * ||x|| * eps)}, with infinity norms ({@code ||A||} the
 * largest absolute row sum, {@code ||v||} the largest absolute element) and {@code eps} the
 * double-precision machine epsilon 2^-52.
 *
 * <p>Why this is the verdict: backward-error analysis of Gaussian elimination with partial
 * pivoting bounds {@code ||r||} by a modest multiple of {@code n * eps * ||A|| * ||x||}, so a
 * correct factorisation and solve give {@code residn} of order 1, and any wrong element, pivot
 * or stray write gives a value many orders of magnitude larger. The pass threshold is
 * {@link #THRESHOLD}.
 */
final class LinpackResidual {

    /**
     * A run verifies when {@code residn} is below this: 16, the threshold HPL (the LINPACK
     * benchmark's successor, used for the TOP500) applies to its scaled residual by default.
     * The original LINPACK driver printed {@code residn} without a cut-off and asked for it to be
     * "of order 1"; 16 leaves room for the growth of rounding errors with {@code n} and is still
     * about ten orders of magnitude below what a wrong solution gives.
     */
    static final double THRESHOLD = 16.0;

    /** Double-precision machine epsilon, as the original's {@code epslon(1.0)} computes it. */
    static final double EPS = Math.ulp(1.0);

    /**
     * The check's figures.
     *
     * @param residn the normalised residual
     * @param resid {@code ||A x - b||}
     * @param normA {@code ||A||}
     * @param normX {@code ||x||}
     * @param firstError {@code x[0] - 1} (the exact solution is all ones)
     * @param lastError {@code x[n-1] - 1}
     */
    record Result(double residn, double resid, double normA, double normX, double firstError, double lastError) {
        boolean passed() {
            return residn < THRESHOLD;
        }
    }

    private LinpackResidual() {
    }

    /**
     * Checks the solution in {@code s.b}: copies it to {@code s.x}, regenerates the system from
     * {@code seed} (overwriting the factors, as the original driver does) and measures {@code A x - b}.
     */
    static Result check(LinpackSystem s, long seed) {
        int n = s.n;
        MemorySegment.copy(s.b, 0, s.x, 0, (long) n * Double.BYTES);
        s.generate(seed);
        MemorySegment r = s.b;
        MemorySegment rowAbs = s.scratch;
        rowAbs.fill((byte) 0);
        for (int i = 0; i < n; i++) {
            r.setAtIndex(JAVA_DOUBLE, i, -r.getAtIndex(JAVA_DOUBLE, i));
        }
        for (int j = 0; j < n; j++) {
            double xj = s.x.getAtIndex(JAVA_DOUBLE, j);
            for (int i = 0; i < n; i++) {
                double aij = s.get(i, j);
                r.setAtIndex(JAVA_DOUBLE, i, r.getAtIndex(JAVA_DOUBLE, i) + aij * xj);
                rowAbs.setAtIndex(JAVA_DOUBLE, i, rowAbs.getAtIndex(JAVA_DOUBLE, i) + Math.abs(aij));
            }
        }
        double resid = 0;
        double normA = 0;
        double normX = 0;
        for (int i = 0; i < n; i++) {
            double ri = r.getAtIndex(JAVA_DOUBLE, i);
            double xi = s.x.getAtIndex(JAVA_DOUBLE, i);
            // Math.max keeps a NaN, so a NaN anywhere reaches residn and fails the check.
            resid = Math.max(resid, Math.abs(ri));
            normX = Math.max(normX, Math.abs(xi));
            normA = Math.max(normA, rowAbs.getAtIndex(JAVA_DOUBLE, i));
        }
        double residn = resid / (n * normA * normX * EPS);
        if (Double.isNaN(residn)) {
            residn = Double.POSITIVE_INFINITY;
        }
        double first = s.x.getAtIndex(JAVA_DOUBLE, 0) - 1.0;
        double last = s.x.getAtIndex(JAVA_DOUBLE, n - 1) - 1.0;
        return new Result(residn, resid, normA, normX, first, last);
    }
}
