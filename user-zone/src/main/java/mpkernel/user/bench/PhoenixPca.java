package mpkernel.user.bench;

import static mpkernel.user.bench.BenchReport.fmt;

import java.util.List;
import java.util.Set;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.UserProgram;

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
@Program(name = "phoenix-pca", description = "Phoenix PCA: row means and covariance matrix of a seeded random matrix (Ranger et al., HPCA'07)")
public final class PhoenixPca implements UserProgram {

    static final String NAME = "phoenix-pca";

    private static final Set<String> FLAGS = Set.of("size", "rows", "cols", "max-value", "seed");
    private static final String USAGE = "[--size small|default|large] [--rows R] [--cols C]"
            + " [--max-value G] [--seed S]";

    /** Lets a test see the result before it is freed. */
    interface ResultObserver {
        void computed(PhoenixPcaData data);
    }

    private boolean corruptResult;
    private ResultObserver observer;

    /** The program, as the kernel's service loader creates it. */
    public PhoenixPca() {
    }

    /** Test hook: changes one covariance entry after the computation, so the self-check must fail. */
    PhoenixPca corruptResult() {
        corruptResult = true;
        return this;
    }

    /** Test hook: shows the computed means and covariances to {@code observer}. */
    PhoenixPca observeResult(ResultObserver resultObserver) {
        observer = resultObserver;
        return this;
    }

    /** The problem of one run. */
    record Params(String label, int rows, int cols, int maxValue, long seed) {

        static Params from(List<String> args) {
            BenchArgs parsed = BenchArgs.parse(args, FLAGS);
            String size = parsed.size();
            int preset = switch (size) {
                case "small" -> 256;
                case "large" -> 2560;
                default -> 1800;
            };
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
    }

    @Override
    public int main(Sys sys, List<String> args) {
        Params p;
        try {
            p = Params.from(args);
        } catch (BenchArgs.Invalid e) {
            return BenchArgs.usage(sys, NAME, USAGE, e);
        }
        PhoenixPcaData data = PhoenixPcaData.allocate(sys, p.rows(), p.cols());
        try {
            data.generate(p.seed(), p.maxValue());
            long start = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            PhoenixPcaCompute.run(data);
            long end = sys.clockGettime(Sys.CLOCK_MONOTONIC);
            if (corruptResult) {
                data.setCov(p.rows() - 1, 0, data.cov(p.rows() - 1, 0) + 1);
            }
            PhoenixPcaCheck.Verdict verdict = PhoenixPcaCheck.check(data, p.seed());
            if (observer != null) {
                observer.computed(data);
            }
            double seconds = BenchReport.seconds(start, end);
            BenchReport report = new BenchReport();
            report(report, p, data, verdict, seconds);
            return report.finish(sys, NAME, p.label(), seconds, verdict.passed());
        } finally {
            data.free(sys);
        }
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
