package mpkernel.user.bench;

import java.lang.foreign.MemorySegment;
import java.util.function.UnaryOperator;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * NPB MG, serial: four V-cycle multigrid iterations for the 3-D Poisson problem {@code A u = v}
 * on a periodic n^3 grid. It stresses structured memory traffic across grids of very different
 * sizes (long- and short-distance communication in the parallel original).
 *
 * <p>Specification: D. Bailey et al., "The NAS Parallel Benchmarks", RNR-94-007 (1994), section
 * 2.6 "Multigrid": each iteration is {@code r = v - A u; u = u + M^k r} with the V-cycle
 * {@code M^k}: restrict r down to the coarsest (2^1)^3 grid, smooth there, then on each finer
 * level prolongate, form the residual and smooth. Classes from NAS-95-020 / NPB 3.x. As in NPB,
 * one untimed iteration runs first, then u is zeroed and v regenerated before timing.
 *
 * <p>Verification (NPB): {@code |norm - norm_ref| / norm_ref <= 1e-8} for the L2 norm of the
 * final residual.
 */
@Program(name = NpbMg.NAME, description = "NPB 3.x MG: V-cycle multigrid on a periodic 3-D grid (--class S|W|A)")
public final class NpbMg extends NpbProgram<NpbMgParams> {

    static final String NAME = "npb-mg";

    private static final double EPSILON = 1.0e-8;

    /** The program with the official reference values. */
    public NpbMg() {
        this(UnaryOperator.identity());
    }

    /** Test hook: {@code tweak} may replace the class's reference values. */
    NpbMg(UnaryOperator<NpbMgParams> tweak) {
        super(NAME, NpbMgParams::forClass, tweak);
    }

    /** Grid hierarchy: level k (1..levels) has {@code 2^k + 2} points per dimension at element {@code base[k]}. */
    private record Levels(int[] points, long[] base, long total) {
        static Levels of(int levels) {
            int[] points = new int[levels + 1];
            long[] base = new long[levels + 1];
            long total = 0;
            for (int k = levels; k >= 1; k--) {
                points[k] = (1 << k) + 2;
                base[k] = total;
                total += (long) points[k] * points[k] * points[k];
            }
            return new Levels(points, base, total);
        }
    }

    @Override
    Result run(Sys sys, NpbMgParams p, BenchMemory memory, BenchReport report) {
        int top = p.levels();
        Levels levels = Levels.of(top);
        int m = levels.points()[top];
        MemorySegment u = memory.zeroedDoubles(levels.total());
        MemorySegment r = memory.zeroedDoubles(levels.total());
        MemorySegment v = memory.doubles((long) m * m * m);
        NpbMgKernels kernels = new NpbMgKernels(m, memory);

        Stopwatch init = Stopwatch.start(sys);
        NpbMgSource.fill(v, p.n());
        kernels.residual(u, 0, v, 0, r, 0, m);
        vCycle(kernels, levels, top, u, v, r);
        kernels.residual(u, 0, v, 0, r, 0, m);
        NpbMgKernels.zero(u, 0, m);
        NpbMgSource.fill(v, p.n());
        double initSeconds = init.lap();

        Stopwatch timed = Stopwatch.start(sys);
        kernels.residual(u, 0, v, 0, r, 0, m);
        NpbMgKernels.norm(r, 0, m);
        for (int it = 1; it <= p.iterations(); it++) {
            vCycle(kernels, levels, top, u, v, r);
            kernels.residual(u, 0, v, 0, r, 0, m);
        }
        double norm = NpbMgKernels.norm(r, 0, m);
        double seconds = timed.lap();

        double error = Math.abs(norm - p.normReference()) / p.normReference();
        boolean verified = error <= EPSILON;
        String size = BenchReport.fmt("%dx%dx%d", p.n(), p.n(), p.n());
        report.add("%n%n NAS Parallel Benchmarks (NPB3.3-SER, mpkernel) - MG Benchmark%n%n");
        report.add(" Size: %4dx%4dx%4d  (class %c)%n", p.n(), p.n(), p.n(), p.npbClass());
        report.add(" Iterations: %3d%n%n", p.iterations());
        report.add(" Initialization time: %15.3f seconds%n%n", initSeconds);
        report.add(" Benchmark completed%n");
        report.add(verified ? " VERIFICATION SUCCESSFUL%n" : " VERIFICATION FAILED%n");
        report.add(" L2 Norm is  %20.13e%n", norm);
        report.add(" Error is    %20.13e%n", error);
        if (!verified) {
            report.add(" The correct L2 Norm is %20.13e%n", p.normReference());
        }
        double points = (double) p.n() * p.n() * p.n();
        return NpbReport.completed(report, "MG", p.npbClass(), size, p.iterations(), seconds,
                NpbReport.mops(58.0 * p.iterations() * points, seconds), "floating point", verified);
    }

    /** One V-cycle {@code u = u + M^k r} from the finest level {@code top} down to level 1 and back (NPB's mg3P). */
    private static void vCycle(NpbMgKernels kernels, Levels levels, int top, MemorySegment u, MemorySegment v,
                               MemorySegment r) {
        int[] points = levels.points();
        long[] base = levels.base();
        for (int k = top; k > 1; k--) {
            kernels.restrict(r, base[k], points[k], r, base[k - 1], points[k - 1]);
        }
        NpbMgKernels.zero(u, base[1], points[1]);
        kernels.smooth(r, base[1], u, base[1], points[1]);
        for (int k = 2; k < top; k++) {
            NpbMgKernels.zero(u, base[k], points[k]);
            kernels.prolongate(u, base[k - 1], points[k - 1], u, base[k], points[k]);
            kernels.residual(u, base[k], r, base[k], r, base[k], points[k]);
            kernels.smooth(r, base[k], u, base[k], points[k]);
        }
        kernels.prolongate(u, base[top - 1], points[top - 1], u, base[top], points[top]);
        kernels.residual(u, base[top], v, 0, r, base[top], points[top]);
        kernels.smooth(r, base[top], u, base[top], points[top]);
    }
}
