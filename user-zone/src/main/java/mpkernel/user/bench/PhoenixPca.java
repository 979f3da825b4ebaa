package mpkernel.user.bench;

import static mpkernel.user.bench.BenchReport.fmt;

import java.util.List;
import java.util.Set;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * Phoenix PCA as a user program: the row means and the covariance matrix of a seeded random
 * {@code rows x cols} integer matrix — the first step of principal component analysis.
 *
 * <p>Specification: C. Ranger, R. Raghuraman, A. Penmetsa, G. Bradski, C. Kozyrakis,
 * "Evaluating MapReduce for Multi-core and Multiprocessor Systems", HPCA 2007, Section 4.1
 * (the PCA workload: the first part of principal component analysis, the mean vector and the
 * covariance matrix of a set of data points, as two MapReduce stages), and the
 * Phoenix distribution's application description ({@code -r} rows, {@code -c} columns, {@code -s}
 * maximum element value; elements uniform in {@code [0, s)}, default {@code s = 100}). Each row
 * is a variable and each column an observation: {@code mean[r] = sum_c m[r][c] / cols} and
 * {@code cov[i][j] = sum_c (m[i][c]-mean[i])(m[j][c]-mean[j]) / (cols-1)}, integer arithmetic
 * with truncating division, as Phoenix computes it ({@link PhoenixPcaCompute}). The timed section
 * is both stages, not the input generation.
 *
 * <p>Verification ({@link PhoenixPcaCheck}): every mean recomputed, the whole covariance matrix
 * symmetric, and a seeded sample of entries recomputed exactly by an independent formula.
 *
 * <p>Sizes ({@code rows x cols}): {@code small} 256 x 256, {@code default} 1800 x 1800 (about
 * 2.6 s on a 2.6 GHz Xeon), {@code large} 2560 x 2560; options {@code --rows}, {@code --cols},
 * {@code --max-value}, {@code --seed} override them.
 */
@Program(name = PhoenixPca.NAME, description = "Phoenix PCA: row means and covariance matrix of a seeded random matrix (Ranger et al., HPCA'07)")
public final class PhoenixPca extends BenchProgram<PhoenixPca.Params> {

    static final String NAME = "phoenix-pca";

    private static final Set<String> FLAGS = Set.of("size", "rows", "cols", "max-value", "seed");

    private final ResultHooks<PhoenixPcaData> hooks;

    /** The program, as the kernel's service loader creates it. */
    public PhoenixPca() {
        this(ResultHooks.none());
    }

    /** For tests: {@code hooks} may corrupt the means and covariances before the self-check and observe them after. */
    PhoenixPca(ResultHooks<PhoenixPcaData> hooks) {
        super(NAME, "[--size small|default|large] [--rows R] [--cols C] [--max-value G] [--seed S]");
        this.hooks = hooks;
    }

    /** The problem of one run. */
    record Params(String label, int rows, int cols, int maxValue, long seed) {
    }

    @Override
    Params parse(List<String> args) {
        BenchArgs parsed = BenchArgs.parse(args, FLAGS);
        String size = parsed.size();
        long preset = BenchArgs.bySize(size, 256, 1800, 2560);
        int rows = (int) parsed.number("rows", preset, 1, 8192);
        int cols = (int) parsed.number("cols", preset, 2, 10_000_000);
        int maxValue = (int) parsed.number("max-value", 100, 1, 1 << 16);
        long seed = parsed.number("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        if ((long) rows * cols > (1L << 28)) {
            throw new BenchArgs.Invalid("rows x cols must not exceed 2^28");
        }
        boolean custom = parsed.has("rows") || parsed.has("cols") || parsed.has("max-value");
        String label = custom ? fmt("r%d-c%d-g%d", rows, cols, maxValue) : size;
        return new Params(label, rows, cols, maxValue, seed);
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        PhoenixPcaData data = PhoenixPcaData.allocate(memory, p.rows(), p.cols());
        data.generate(p.seed(), p.maxValue());
        Stopwatch timed = Stopwatch.start(sys);
        PhoenixPcaCompute.run(data);
        double seconds = timed.lap();
        hooks.beforeCheck(data);
        PhoenixPcaCheck.Verdict verdict = PhoenixPcaCheck.check(data, p.seed());
        hooks.afterCheck(data);
        report(report, p, data, verdict, seconds);
        return new Result(p.label(), seconds, verdict.passed());
    }

    private static void report(BenchReport out, Params p, PhoenixPcaData data, PhoenixPcaCheck.Verdict v,
            double seconds) {
        long upperSum = 0;
        long trace = 0;
        for (int i = 0; i < data.rows; i++) {
            trace += data.cov(i, i);
            for (int j = i; j < data.rows; j++) {
                upperSum += data.cov(i, j);
            }
        }
        out.add("\n Phoenix PCA (sequential) - mpkernel user program\n\n");
        out.add(" Size                       = %s\n", p.label());
        out.add(" Number of rows             = %d\n", p.rows());
        out.add(" Number of cols             = %d\n", p.cols());
        out.add(" Max value for each element = %d\n", p.maxValue());
        out.add(" Seed                       = %d\n", p.seed());
        out.add(" Mean of row 0              = %d\n", data.mean(0));
        out.add(" Covariance sum             = %d (upper triangle)\n", upperSum);
        out.add(" Covariance trace           = %d\n", trace);
        out.add(" Time in seconds            = %.6f\n", seconds);
        out.add(" Self-check                 = %d wrong means, %d asymmetric pairs, %d of %d sampled entries wrong\n",
                v.wrongMeans(), v.asymmetric(), v.wrongSamples(), v.sampled());
        out.add(v.passed() ? " Verification               = SUCCESSFUL\n" : " Verification               = UNSUCCESSFUL\n");
        out.add("\n");
    }
}
