package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import java.util.function.UnaryOperator;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * NPB CG, serial: estimates the smallest eigenvalue of a large random sparse symmetric positive
 * definite matrix by inverse power iteration, each step solving {@code A z = x} with 25 conjugate
 * gradient iterations. It stresses irregular memory access and sparse matrix-vector products.
 *
 * <p>Specification: D. Bailey et al., "The NAS Parallel Benchmarks", RNR-94-007 (1994), section
 * 2.4 "Conjugate Gradient", with the NPB 2/3 problem classes (NAS-95-020, NPB 3.x). The generator
 * seed is 314159265, advanced once before the matrix is built. One untimed outer iteration primes
 * the code (as NPB does), then x is reset to ones and {@code niter} iterations are timed:
 * {@code z = A^-1 x; zeta = shift + 1/(x.z); x = z/||z||}.
 *
 * <p>Verification (NPB): {@code |zeta - zeta_ref| / zeta_ref <= 1e-10}.
 */
@Program(name = NpbCg.NAME, description = "NPB 3.x CG: sparse eigenvalue estimate by conjugate gradient (--class S|W|A)")
public final class NpbCg extends NpbProgram<NpbCgParams> {

    static final String NAME = "npb-cg";

    private static final double EPSILON = 1.0e-10;
    private static final long SEED = 314159265L;

    /** The program with the official reference values. */
    public NpbCg() {
        this(UnaryOperator.identity());
    }

    /** Test hook: {@code tweak} may replace the class's reference values. */
    NpbCg(UnaryOperator<NpbCgParams> tweak) {
        super(NAME, NpbCgParams::forClass, tweak);
    }

    @Override
    Result run(Sys sys, NpbCgParams p, BenchMemory memory, BenchReport report) {
        int n = p.na();
        report.add("%n%n NAS Parallel Benchmarks (NPB3.3-SER, mpkernel) - CG Benchmark%n%n");
        report.add(" Size: %11d%n", n);
        report.add(" Iterations: %5d%n", p.niter());

        Stopwatch init = Stopwatch.start(sys);
        NpbRandom rng = new NpbRandom(SEED);
        rng.randlc(NpbRandom.A);
        NpbCgMatrix matrix = NpbCgMatrix.generate(p, rng, memory);
        NpbCgSolver solver = new NpbCgSolver(matrix, n, memory);
        MemorySegment x = memory.doubles(n);

        fill(x, n, 1.0);
        solver.solve(x);
        normalise(x, solver.z(), n);
        fill(x, n, 1.0);
        report.add("%n Initialization time = %15.3f seconds%n%n", init.lap());
        report.add("   iteration           ||r||                 zeta%n");

        double zeta = 0.0;
        Stopwatch timed = Stopwatch.start(sys);
        for (int it = 1; it <= p.niter(); it++) {
            double rnorm = solver.solve(x);
            double xz = dot(x, solver.z(), n);
            zeta = p.shift() + 1.0 / xz;
            report.add("    %5d       %20.14e%20.13f%n", it, rnorm, zeta);
            normalise(x, solver.z(), n);
        }
        double seconds = timed.lap();

        double error = Math.abs(zeta - p.zetaReference()) / p.zetaReference();
        boolean verified = error <= EPSILON;
        report.add(" Benchmark completed%n");
        report.add(verified ? " VERIFICATION SUCCESSFUL%n" : " VERIFICATION FAILED%n");
        report.add(" Zeta is    %20.13e%n", zeta);
        report.add(" Error is   %20.13e%n", error);
        if (!verified) {
            report.add(" The correct zeta is %20.13e%n", p.zetaReference());
        }
        long nnz = (long) p.nonzer() * (p.nonzer() + 1);
        double operations = 2.0 * p.niter() * n
                * (3.0 + nnz + NpbCgSolver.CG_ITERATIONS * (5.0 + nnz) + 3.0);
        return NpbReport.completed(report, "CG", p.npbClass(), Integer.toString(n), p.niter(), seconds,
                NpbReport.mops(operations, seconds), "floating point", verified);
    }

    private static void fill(MemorySegment v, int n, double value) {
        for (int j = 0; j < n; j++) {
            v.setAtIndex(JAVA_DOUBLE, j, value);
        }
    }

    private static double dot(MemorySegment a, MemorySegment b, int n) {
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            sum += a.getAtIndex(JAVA_DOUBLE, j) * b.getAtIndex(JAVA_DOUBLE, j);
        }
        return sum;
    }

    /** {@code x = z / ||z||}. */
    private static void normalise(MemorySegment x, MemorySegment z, int n) {
        double scale = 1.0 / Math.sqrt(dot(z, z, n));
        for (int j = 0; j < n; j++) {
            x.setAtIndex(JAVA_DOUBLE, j, scale * z.getAtIndex(JAVA_DOUBLE, j));
        }
    }
}
