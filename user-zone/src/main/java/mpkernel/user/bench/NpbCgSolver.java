package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * The inner solve of NPB CG: 25 unpreconditioned conjugate-gradient iterations for {@code A z = x},
 * starting from {@code z = 0}, then the residual norm {@code ||x - A z||}. This is the benchmark's
 * measured kernel (irregular, indirectly addressed sparse matrix-vector products).
 *
 * <p>Specification: RNR-94-007 section 2.4 (the CG iteration as listed there), NAS-95-020.
 */
final class NpbCgSolver {

    /** CG iterations per solve, fixed by the specification. */
    static final int CG_ITERATIONS = 25;

    private final NpbCgMatrix matrix;
    private final int n;
    private final MemorySegment z;
    private final MemorySegment p;
    private final MemorySegment q;
    private final MemorySegment r;

    /** A solver for {@code matrix} of order {@code n}, with work vectors from {@code memory}. */
    NpbCgSolver(NpbCgMatrix matrix, int n, BenchMemory memory) {
        this.matrix = matrix;
        this.n = n;
        this.z = memory.doubles(n);
        this.p = memory.doubles(n);
        this.q = memory.doubles(n);
        this.r = memory.doubles(n);
    }

    /** The solution vector of the last {@link #solve}. */
    MemorySegment z() {
        return z;
    }

    /** Approximately solves {@code A z = x}; returns {@code ||x - A z||}. */
    double solve(MemorySegment x) {
        double rho = 0.0;
        for (int j = 0; j < n; j++) {
            double xj = x.getAtIndex(JAVA_DOUBLE, j);
            q.setAtIndex(JAVA_DOUBLE, j, 0.0);
            z.setAtIndex(JAVA_DOUBLE, j, 0.0);
            r.setAtIndex(JAVA_DOUBLE, j, xj);
            p.setAtIndex(JAVA_DOUBLE, j, xj);
            rho += xj * xj;
        }
        for (int it = 0; it < CG_ITERATIONS; it++) {
            multiply(p, q);
            double d = 0.0;
            for (int j = 0; j < n; j++) {
                d += p.getAtIndex(JAVA_DOUBLE, j) * q.getAtIndex(JAVA_DOUBLE, j);
            }
            double alpha = rho / d;
            double rho0 = rho;
            rho = 0.0;
            for (int j = 0; j < n; j++) {
                double pj = p.getAtIndex(JAVA_DOUBLE, j);
                z.setAtIndex(JAVA_DOUBLE, j, z.getAtIndex(JAVA_DOUBLE, j) + alpha * pj);
                double rj = r.getAtIndex(JAVA_DOUBLE, j) - alpha * q.getAtIndex(JAVA_DOUBLE, j);
                r.setAtIndex(JAVA_DOUBLE, j, rj);
                rho += rj * rj;
            }
            double beta = rho / rho0;
            for (int j = 0; j < n; j++) {
                p.setAtIndex(JAVA_DOUBLE, j, r.getAtIndex(JAVA_DOUBLE, j) + beta * p.getAtIndex(JAVA_DOUBLE, j));
            }
        }
        multiply(z, r);
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            double d = x.getAtIndex(JAVA_DOUBLE, j) - r.getAtIndex(JAVA_DOUBLE, j);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** {@code out = A in}. */
    private void multiply(MemorySegment in, MemorySegment out) {
        MemorySegment values = matrix.values();
        MemorySegment columns = matrix.columns();
        MemorySegment rowStart = matrix.rowStart();
        int k = rowStart.getAtIndex(JAVA_INT, 0);
        for (int j = 0; j < n; j++) {
            int end = rowStart.getAtIndex(JAVA_INT, j + 1L);
            double sum = 0.0;
            for (; k < end; k++) {
                sum += values.getAtIndex(JAVA_DOUBLE, k) * in.getAtIndex(JAVA_DOUBLE, columns.getAtIndex(JAVA_INT, k));
            }
            out.setAtIndex(JAVA_DOUBLE, j, sum);
        }
    }
}
