package mpkernel.user.bench;

import java.util.List;
import java.util.Set;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * The LINPACK benchmark as a user program: solve a seeded random dense system {@code A x = b}
 * of order {@code n} by LU factorisation with partial pivoting ({@code dgefa}) and
 * triangular solves ({@code dgesl}), and report the rate in MFLOPS.
 *
 * <p>Specification: J. J. Dongarra, "Performance of Various Computers Using Standard Linear
 * Equations Software", University of Tennessee report CS-89-85 (the LINPACK benchmark report:
 * the timed routines are {@code dgefa} + {@code dgesl}, the operation count is
 * {@code 2/3 n^3 + 2 n^2}, the solution's accuracy is reported as the normalised residual
 * {@code ||A x - b|| / (n ||A|| ||x|| eps)}); the routines themselves follow the LINPACK Users'
 * Guide (Dongarra, Bunch, Moler, Stewart, SIAM 1979) and J. J. Dongarra, P. Luszczek,
 * A. Petitet, "The LINPACK Benchmark: past, present and future", CCPE 15(9), 2003.
 * See {@link LinpackSystem} (input), {@link LinpackLu} (the timed routines),
 * {@link LinpackResidual} (the check and its threshold).
 *
 * <p>Timed section: {@code dgefa} + {@code dgesl}, the original's "total". MFLOPS =
 * {@code (2/3 n^3 + 2 n^2) / (total * 10^6)}, as the original. One solve per run (the original's
 * repetition loop for low-resolution clocks is not needed with a nanosecond clock).
 *
 * <p>Sizes (order {@code n}): {@code small} 200, {@code default} 2500 (about 3 s, 3.5-4
 * GFLOPS, on an idle 2.6 GHz Xeon; 50 MB of matrix), {@code large} 4000; {@code --n} and {@code --seed} override.
 */
@Program(name = Linpack.NAME, description = "LINPACK benchmark: LU solve of a seeded random dense system, MFLOPS (Dongarra)")
public final class Linpack extends BenchProgram<Linpack.Params> {

    static final String NAME = "linpack";

    private static final Set<String> FLAGS = Set.of("size", "n", "seed");

    private final ResultHooks<LinpackSystem> hooks;

    /** The program, as the kernel's service loader creates it. */
    public Linpack() {
        this(ResultHooks.none());
    }

    /** For tests: {@code hooks} may corrupt the computed solution before the residual check. */
    Linpack(ResultHooks<LinpackSystem> hooks) {
        super(NAME, "[--size small|default|large] [--n N] [--seed S]");
        this.hooks = hooks;
    }

    /** The problem of one run. */
    record Params(String label, int n, long seed) {
    }

    @Override
    Params parse(List<String> args) {
        BenchArgs parsed = BenchArgs.parse(args, FLAGS);
        String size = parsed.size();
        int n = (int) parsed.number("n", BenchArgs.bySize(size, 200, 2500, 4000), 1, 8192);
        long seed = parsed.number("seed", 1325, Long.MIN_VALUE, Long.MAX_VALUE);
        String label = parsed.has("n") ? "n" + n : size;
        return new Params(label, n, seed);
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        LinpackSystem s = LinpackSystem.allocate(memory, p.n());
        s.generate(p.seed());
        Stopwatch timed = Stopwatch.start(sys);
        int info = LinpackLu.dgefa(s);
        double dgefa = timed.lap();
        if (info < 0) {
            LinpackLu.dgesl(s);
        }
        double dgesl = timed.lap();
        hooks.beforeCheck(s);
        LinpackResidual.Result check = info < 0 ? LinpackResidual.check(s, p.seed()) : null;
        boolean verified = check != null && check.passed();
        hooks.afterCheck(s);
        report(report, p, info, check, verified, dgefa, dgesl);
        return new Result(p.label(), dgefa + dgesl, verified);
    }

    private static void report(BenchReport out, Params p, int info, LinpackResidual.Result c, boolean verified,
            double dgefa, double dgesl) {
        int n = p.n();
        double total = dgefa + dgesl;
        double ops = 2.0 * n * n * n / 3.0 + 2.0 * n * n;
        double mflops = total > 0 ? ops / (total * 1e6) : 0;
        out.add("\n LINPACK benchmark, double precision (dgefa/dgesl) - mpkernel user program\n\n");
        out.add(" Size = %s, matrix order n = %d, lda = %d, seed = %d\n\n", p.label(), n, n, p.seed());
        if (c == null) {
            out.add(" dgefa found a zero pivot at column %d: the matrix is singular\n", info);
        } else {
            out.add("     norm. resid      resid           machep         x(1)-1        x(n)-1\n");
            out.add("  %12.4e  %14.6e  %14.6e  %14.6e  %14.6e\n\n", c.residn(), c.resid(), LinpackResidual.EPS,
                    c.firstError(), c.lastError());
        }
        out.add("     times are reported for matrices of order %d\n", n);
        out.add("      dgefa       dgesl       total      mflops\n");
        out.add("  %10.6f  %10.6f  %10.6f  %10.2f\n\n", dgefa, dgesl, total, mflops);
        out.add(" Operations             = %.6e (2/3 n^3 + 2 n^2)\n", ops);
        out.add(" MFLOPS                 = %.2f\n", mflops);
        out.add(" Time in seconds        = %.6f\n", total);
        if (c != null) {
            out.add(" Residual check         = norm. resid %.4e %s %.1f (||A||oo = %.6e, ||x||oo = %.6e)\n",
                    c.residn(), c.passed() ? "<" : ">=", LinpackResidual.THRESHOLD, c.normA(), c.normX());
        }
        out.add(verified ? " Verification           = SUCCESSFUL\n" : " Verification           = UNSUCCESSFUL\n");
        out.add("\n");
    }
}
