package mpkernel.user.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * The Livermore Fortran Kernels as a user program: F. H. McMahon, "The Livermore Fortran Kernels:
 * a computer test of the numerical performance range", UCRL-53745, Lawrence Livermore National
 * Laboratory, December 1986. The 24 kernels ({@link LfkKernels}) run in double precision on arrays
 * in {@code malloc}'d user memory, in three parts with the report's long, medium and short DO
 * spans ({@link LfkParams}). Each kernel runs a number of samples; a sample is {@code Loop x 10}
 * passes over data freshly prepared by {@link LfkSetup} (preparation not timed), so the kernel's
 * checksum ({@link LfkChecksum}) does not depend on the number of samples.
 *
 * <p>The report gives, per part and kernel, the span, passes, operations, seconds, MFLOPS,
 * checksum and its agreeing digits, then the maximum, arithmetic, geometric and harmonic mean and
 * minimum rates per part and overall (parts weighted 1, 2, 1), as the original does. Verification:
 * all 72 checksums must agree to 12 digits with the table {@link LfkExpected}, which was generated
 * once from an independent computation on Java arrays; otherwise the program returns 1.
 *
 * <p>Timing, as the original does it: each kernel's samples run between one pair of clock
 * readings, and a second pair times the same number of data preparations alone, which is
 * subtracted (the original likewise subtracts its timing overheads). That is four system calls
 * per kernel and part, 288 per run, so the clock does not weigh on the result.
 * {@link LivermoreSamples} ({@code livermore-samples}) reads the clock around every sample
 * instead, two system calls per sample: the crossing-heavy variant this program once was.
 *
 * <p>Options: {@code --size small|default|large} (1 / 350 / 1400 samples per kernel and part; the
 * default's timed section is about 3 s on a 2-core 2.x GHz Xeon), {@code --samples N},
 * {@code --warmup N}: samples of every kernel in every part run untimed first, in the spirit of the
 * original's calibration pass, so that the timed samples run JIT-compiled code (default 0 at
 * {@code small}, else 30; without it the first part's figures measure the interpreter).
 */
@Program(name = Livermore.NAME, description = "Livermore Fortran Kernels (McMahon 1986), 24 kernels, MFLOPS")
public final class Livermore extends BenchProgram<Livermore.Params> {

    static final String NAME = "livermore";

    private final UnaryOperator<double[][]> expectedHook;
    private final boolean perSample;

    /** The program as the kernel runs it. */
    public Livermore() {
        this(UnaryOperator.identity(), false);
    }

    /**
     * For tests and {@link LivermoreSamples}: {@code expectedHook} may alter a copy of the
     * expected checksum table; {@code perSample} reads the clock around every sample.
     */
    Livermore(UnaryOperator<double[][]> expectedHook, boolean perSample) {
        super(perSample ? LivermoreSamples.NAME : NAME, "[--size small|default|large] [--samples N] [--warmup N]");
        this.expectedHook = expectedHook;
        this.perSample = perSample;
    }

    /** One run: {@code samples} timed and {@code warmup} untimed samples of every kernel in every part; the size label. */
    record Params(String label, long samples, long warmup) {
    }

    /** One kernel's outcome in one part. */
    private record Outcome(int span, int passes, double flops, double seconds, double checksum, double expected) {

        double mflops() {
            return flops / Math.max(seconds, 1e-9) / 1e6;
        }

        int digits() {
            return LfkCheck.digits(checksum, expected);
        }
    }

    @Override
    Params parse(List<String> args) {
        ClassicArgs parsed = ClassicArgs.parse(args, Set.of("samples"), Set.of(ClassicArgs.WARMUP));
        return new Params(parsed.label(), parsed.knob("samples", 1, 350, 1400),
                parsed.knob(ClassicArgs.WARMUP, 0, 30, 30));
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        long samples = p.samples();
        long warmup = p.warmup();
        double[][] expected = expectedHook.apply(copy(LfkExpected.CHECKSUM));

        report.add("%nL.L.N.L. FORTRAN KERNELS: MFLOPS (McMahon 1986), double precision, data in mpkernel user memory%n")
                .add("Passes per sample: Loop x %d; samples per kernel: %d, after %d untimed warm-up samples; clock read %s%n",
                        LfkParams.PASS_MULTIPLIER, samples, warmup, perSample ? "around every sample" : "once per kernel");
        report.flush(sys);

        Outcome[][] outcomes = measure(sys, samples, warmup, expected, perSample);
        double totalSeconds = 0;
        for (Outcome[] part : outcomes) {
            for (int k = 1; k <= LfkParams.KERNELS; k++) {
                totalSeconds += part[k].seconds();
            }
        }

        boolean verified = true;
        List<double[]> all = new ArrayList<>();
        for (int part = 0; part < LfkParams.PARTS; part++) {
            verified &= reportPart(report, part, samples, outcomes[part], all);
        }
        reportOverall(report, all);
        report.add("%nTotal timed seconds (24 kernels x 3 parts): %.6f%n", totalSeconds);
        report.add(verified
                ? "Verification: SUCCESSFUL (all 72 checksums agree with the reference table to >= %d digits)%n"
                : "Verification: FAILED (checksums marked FAIL differ from the reference table; >= %d digits needed)%n",
                LfkCheck.REQUIRED_DIGITS);
        return new Result(p.label(), totalSeconds, verified);
    }

    /**
     * Runs the untimed warm-up, then {@code samples} timed samples of every kernel in every part;
     * only the kernel runs count, not the preparation (per sample: the clock is read around each
     * run; else: the preparations' own time is measured first and subtracted).
     */
    private static Outcome[][] measure(Sys sys, long samples, long warmup, double[][] expected, boolean perSample) {
        Outcome[][] outcomes = new Outcome[LfkParams.PARTS][LfkParams.KERNELS + 1];
        try (LfkArrays arrays = new LfkArrays(sys)) {
            LfkSetup setup = new LfkSetup(arrays);
            LfkKernels kernels = new LfkKernels(arrays);
            for (int part = 0; part < LfkParams.PARTS; part++) {
                for (int k = 1; k <= LfkParams.KERNELS; k++) {
                    for (long s = 0; s < warmup; s++) {
                        setup.prepare(k, LfkParams.SPAN[part][k]);
                        kernels.run(k, LfkParams.SPAN[part][k], LfkParams.passes(part, k));
                    }
                }
            }
            for (int part = 0; part < LfkParams.PARTS; part++) {
                for (int k = 1; k <= LfkParams.KERNELS; k++) {
                    int n = LfkParams.SPAN[part][k];
                    int passes = LfkParams.passes(part, k);
                    long nanos = 0;
                    double flops = 0;
                    if (!perSample) {
                        // the preparations alone first (the checksum below must see kernel runs, not a preparation)
                        long p0 = sys.clockGettime(Sys.CLOCK_MONOTONIC);
                        for (long s = 0; s < samples; s++) {
                            setup.prepare(k, n);
                        }
                        nanos -= sys.clockGettime(Sys.CLOCK_MONOTONIC) - p0;
                    }
                    long batch = perSample ? 0 : sys.clockGettime(Sys.CLOCK_MONOTONIC);
                    for (long s = 0; s < samples; s++) {
                        setup.prepare(k, n);
                        long start = perSample ? sys.clockGettime(Sys.CLOCK_MONOTONIC) : 0;
                        kernels.run(k, n, passes);
                        if (perSample) {
                            nanos += sys.clockGettime(Sys.CLOCK_MONOTONIC) - start;
                        }
                        flops += k == 16
                                ? LfkParams.kernel16Flops(arrays.count(LfkArrays.K2), arrays.count(LfkArrays.K3))
                                : LfkParams.flops(k, n, passes);
                    }
                    if (!perSample) {
                        nanos = Math.max(1, nanos + sys.clockGettime(Sys.CLOCK_MONOTONIC) - batch);
                    }
                    outcomes[part][k] = new Outcome(n, passes, flops, nanos / 1e9, LfkChecksum.of(arrays, k, n),
                            expected[part][k]);
                }
            }
        }
        return outcomes;
    }

    private static boolean reportPart(BenchReport report, int part, long samples, Outcome[] outcomes,
            List<double[]> all) {
        report.add("%nPart %d of 3: DO spans as in the report's part %d (weight %.0f), %d sample(s) per kernel%n",
                part + 1, part + 1, LfkParams.WEIGHT[part], samples)
                .add("%-33s %5s %6s %3s %12s %9s %9s %24s %3s%n",
                        "Kernel", "Span", "Passes", "Fl", "FP ops", "Seconds", "MFLOPS", "Checksum", "OK")
                .add("%s%n", "-".repeat(33 + 6 + 7 + 4 + 13 + 10 + 10 + 25 + 4));
        boolean ok = true;
        double[] rates = new double[LfkParams.KERNELS];
        double[] weights = new double[LfkParams.KERNELS];
        double[] spans = new double[LfkParams.KERNELS];
        for (int k = 1; k <= LfkParams.KERNELS; k++) {
            Outcome o = outcomes[k];
            boolean pass = LfkCheck.passes(o.checksum(), o.expected());
            ok &= pass;
            report.add("%2d %-30s %5d %6d %3d %12.5e %9.6f %9.2f %24.16e %3s%s%n", k, LfkParams.TITLE[k], o.span(),
                    o.passes(), LfkParams.FLOPS[k], o.flops(), o.seconds(), o.mflops(), o.checksum(), o.digits(),
                    pass ? "" : String.format(java.util.Locale.ROOT, " FAIL (expected %.16e)", o.expected()));
            rates[k - 1] = o.mflops();
            weights[k - 1] = 1.0;
            spans[k - 1] = o.span();
            all.add(new double[] {o.mflops(), LfkParams.WEIGHT[part], o.span()});
        }
        summary(report, LfkStats.of(rates, weights, spans));
        return ok;
    }

    private static void reportOverall(BenchReport report, List<double[]> all) {
        double[] rates = new double[all.size()];
        double[] weights = new double[all.size()];
        double[] spans = new double[all.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = all.get(i)[0];
            weights[i] = all.get(i)[1];
            spans[i] = all.get(i)[2];
        }
        report.add("%nOverall: parts weighted 1, 2, 1%n");
        summary(report, LfkStats.of(rates, weights, spans));
    }

    private static void summary(BenchReport report, LfkStats s) {
        report.add("%n                     Maximum   Rate %10.2f MFLOPS%n", s.maximum())
                .add("                     Average   Rate %10.2f MFLOPS%n", s.average())
                .add("                     Geometric Mean %10.2f MFLOPS%n", s.geometric())
                .add("                     Harmonic  Mean %10.2f MFLOPS%n", s.harmonic())
                .add("                     Minimum   Rate %10.2f MFLOPS%n", s.minimum())
                .add("                     Do Span        %10.0f%n", s.span());
    }

    private static double[][] copy(double[][] table) {
        double[][] copy = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            copy[i] = table[i].clone();
        }
        return copy;
    }
}
