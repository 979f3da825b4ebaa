package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static mpkernel.user.bench.PhoenixReport.fmt;

import java.util.List;
import java.util.Set;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

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
public final class Linpack implements UserProgram {

    static final String NAME = "linpack";

    private static final Set<String> FLAGS = Set.of("size", "n", "seed");
    private static final String USAGE = "usage: linpack [--size small|default|large] [--n N] [--seed S]";

    private boolean corruptResult;

    /** The program, as the kernel's service loader creates it. */
    public Linpack() {
    }

    /** Test hook: perturbs the computed solution before the residual check, so the check must fail. */
    Linpack corruptResult() {
        corruptResult = true;
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "LINPACK benchmark: LU solve of a seeded random dense system, MFLOPS (Dongarra)";
    }

    /** The problem of one run. */
    record Params(String label, int n, long seed) {

        static Params from(List<String> args) {
            PhoenixArgs parsed = PhoenixArgs.parse(args, FLAGS);
            String size = parsed.word("size", "default");
            int preset = switch (size) {
                case "small" -> 200;
                case "default" -> 2500;
                case "large" -> 4000;
                default -> throw new PhoenixArgs.Invalid("unknown size '" + size + "'");
            };
            int n = (int) parsed.number("n", preset, 1, 8192);
            long seed = parsed.number("seed", 1325, Long.MIN_VALUE, Long.MAX_VALUE);
            String label = parsed.has("n") ? "n" + n : size;
            return new Params(label, n, seed);
        }
    }

    @Override
    public int main(Sys sys, List<String> args) {
        Params p;
        try {
            p = Params.from(args);
        } catch (PhoenixArgs.Invalid e) {
            sys.write(Sys.STDERR, NAME + ": " + e.getMessage() + "; " + USAGE + "\n");
            return 2;
        }
        LinpackSystem s = LinpackSystem.allocate(sys, p.n());
        try {
            s.generate(p.seed());
            long t0 = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            int info = LinpackLu.dgefa(s);
            long t1 = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            if (info < 0) {
                LinpackLu.dgesl(s);
            }
            long t2 = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            if (corruptResult) {
                s.b.setAtIndex(JAVA_DOUBLE, 0, s.b.getAtIndex(JAVA_DOUBLE, 0) + 1e-6);
            }
            LinpackResidual.Result check = info < 0 ? LinpackResidual.check(s, p.seed()) : null;
            boolean verified = check != null && check.passed();
            sys.write(Sys.STDOUT, report(p, info, check, verified, PhoenixReport.seconds(t0, t1), PhoenixReport.seconds(t1, t2)));
            return verified ? 0 : 1;
        } finally {
            s.free(sys);
        }
    }

    private static String report(Params p, int info, LinpackResidual.Result c, boolean verified, double dgefa, double dgesl) {
        int n = p.n();
        double total = dgefa + dgesl;
        double ops = 2.0 * n * n * n / 3.0 + 2.0 * n * n;
        double mflops = total > 0 ? ops / (total * 1e6) : 0;
        StringBuilder out = new StringBuilder(1024);
        out.append("\n LINPACK benchmark, double precision (dgefa/dgesl) - mpkernel user program\n\n");
        out.append(fmt(" Size = %s, matrix order n = %d, lda = %d, seed = %d\n\n", p.label(), n, n, p.seed()));
        if (c == null) {
            out.append(fmt(" dgefa found a zero pivot at column %d: the matrix is singular\n", info));
        } else {
            out.append("     norm. resid      resid           machep         x(1)-1        x(n)-1\n");
            out.append(fmt("  %12.4e  %14.6e  %14.6e  %14.6e  %14.6e\n\n", c.residn(), c.resid(), LinpackResidual.EPS,
                    c.firstError(), c.lastError()));
        }
        out.append(fmt("     times are reported for matrices of order %d\n", n));
        out.append("      dgefa       dgesl       total      mflops\n");
        out.append(fmt("  %10.6f  %10.6f  %10.6f  %10.2f\n\n", dgefa, dgesl, total, mflops));
        out.append(fmt(" Operations             = %.6e (2/3 n^3 + 2 n^2)\n", ops));
        out.append(fmt(" MFLOPS                 = %.2f\n", mflops));
        out.append(fmt(" Time in seconds        = %.6f\n", total));
        if (c != null) {
            out.append(fmt(" Residual check         = norm. resid %.4e %s %.1f (||A||oo = %.6e, ||x||oo = %.6e)\n",
                    c.residn(), c.passed() ? "<" : ">=", LinpackResidual.THRESHOLD, c.normA(), c.normX()));
        }
        out.append(verified ? " Verification           = SUCCESSFUL\n" : " Verification           = UNSUCCESSFUL\n");
        out.append('\n');
        out.append(PhoenixReport.resultLine(NAME, p.label(), total, verified));
        return out.toString();
    }
}
