package mpkernel.user.bench;

import static mpkernel.user.bench.BenchReport.fmt;

import java.util.List;
import java.util.Set;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;

/**
 * Phoenix k-means as a user program: clusters {@code n} seeded random integer points of
 * {@code d} dimensions into {@code k} groups.
 *
 * <p>Specification: C. Ranger, R. Raghuraman, A. Penmetsa, G. Bradski, C. Kozyrakis,
 * "Evaluating MapReduce for Multi-core and Multiprocessor Systems", HPCA 2007, Section 4.1 (the
 * Kmeans workload: group data points into clusters by repeating MapReduce jobs until the
 * clusters no longer change), and the Phoenix 2.0 distribution's application description
 * ({@code -d} dimension, {@code -c} clusters, {@code -p} points, {@code -s} grid size; defaults
 * 3 / 100 / 100000 / 1000). Input is generated in memory, as in Phoenix: points, then initial
 * means, uniform on the integer grid {@code [0, max-value)}. Each iteration assigns every point
 * to its nearest mean (squared Euclidean distance, lowest cluster number on ties) and then sets
 * every non-empty cluster's mean to the integer centroid of its members; the run ends after the
 * first assignment pass that moves no point. The timed section is the iteration, not the input
 * generation.
 *
 * <p>Sizes (all 3 dimensions, grid 1000): {@code small} 10,000 points / 16 clusters;
 * {@code default} 40,000 points / 100 clusters (Phoenix's dimension, cluster count and grid with
 * 40% of its points: about 3.5 s on an idle 2.6 GHz Xeon); {@code large} Phoenix's own defaults,
 * 100,000 points / 100 clusters.
 *
 * <p>Verification ({@link PhoenixKmeansCheck}): the final state must be a fixed point — every
 * point with a nearest mean and every mean the centroid of its members. A run that does not
 * converge within {@value #MAX_PASSES} passes does not verify.
 *
 * <p>Options: {@code --size small|default|large}, {@code --points N}, {@code --dims D},
 * {@code --clusters K}, {@code --max-value G}, {@code --seed S}.
 */
@Program(name = PhoenixKmeans.NAME, description = "Phoenix k-means clustering of seeded random points (Ranger et al., HPCA'07)")
public final class PhoenixKmeans extends BenchProgram<PhoenixKmeans.Params> {

    static final String NAME = "phoenix-kmeans";
    /** Safety bound on assignment passes; integer k-means converges far sooner on random data. */
    static final int MAX_PASSES = 1000;

    private static final Set<String> FLAGS = Set.of("size", "points", "dims", "clusters", "max-value", "seed");

    private final ResultHooks<PhoenixKmeansData> hooks;

    /** The program, as the kernel's service loader creates it. */
    public PhoenixKmeans() {
        this(ResultHooks.none());
    }

    /** For tests: {@code hooks} may corrupt the converged state before the self-check and observe it after. */
    PhoenixKmeans(ResultHooks<PhoenixKmeansData> hooks) {
        super(NAME, "[--size small|default|large] [--points N] [--dims D] [--clusters K] [--max-value G] [--seed S]");
        this.hooks = hooks;
    }

    /** The problem of one run. */
    record Params(String label, int points, int dims, int clusters, int maxValue, long seed) {
    }

    @Override
    Params parse(List<String> args) {
        BenchArgs parsed = BenchArgs.parse(args, FLAGS);
        String size = parsed.size();
        int points = (int) parsed.number("points", BenchArgs.bySize(size, 10_000, 40_000, 100_000), 1, 50_000_000);
        int dims = (int) parsed.number("dims", 3, 1, 1_000);
        int clusters = (int) parsed.number("clusters", BenchArgs.bySize(size, 16, 100, 100), 1, 100_000);
        int maxValue = (int) parsed.number("max-value", 1_000, 1, 1 << 20);
        long seed = parsed.number("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        if ((long) points * dims > (1L << 28)) {
            throw new BenchArgs.Invalid("points x dims must not exceed 2^28");
        }
        boolean custom = parsed.has("points") || parsed.has("dims") || parsed.has("clusters") || parsed.has("max-value");
        String label = custom ? fmt("p%d-d%d-k%d-g%d", points, dims, clusters, maxValue) : size;
        return new Params(label, points, dims, clusters, maxValue, seed);
    }

    @Override
    Result run(Sys sys, Params p, BenchMemory memory, BenchReport report) {
        PhoenixKmeansData data = PhoenixKmeansData.allocate(memory, p.points(), p.dims(), p.clusters());
        data.generate(p.seed(), p.maxValue());
        PhoenixKmeansClustering clustering = PhoenixKmeansClustering.allocate(memory, data);
        Stopwatch timed = Stopwatch.start(sys);
        int passes = clustering.run(MAX_PASSES);
        double seconds = timed.lap();
        hooks.beforeCheck(data);
        PhoenixKmeansCheck.Verdict verdict = PhoenixKmeansCheck.check(sys, data);
        boolean verified = passes > 0 && verdict.passed();
        hooks.afterCheck(data);
        report(report, p, data, passes, verdict, verified, seconds);
        return new Result(p.label(), seconds, verified);
    }

    private static void report(BenchReport out, Params p, PhoenixKmeansData data, int passes,
            PhoenixKmeansCheck.Verdict v, boolean verified, double seconds) {
        out.add("\n Phoenix k-means (sequential) - mpkernel user program\n\n");
        out.add(" Size                   = %s\n", p.label());
        out.add(" Dimension              = %d\n", p.dims());
        out.add(" Number of clusters     = %d\n", p.clusters());
        out.add(" Number of points       = %d\n", p.points());
        out.add(" Size of each dimension = %d\n", p.maxValue());
        out.add(" Seed                   = %d\n", p.seed());
        if (passes > 0) {
            out.add(" Iterations             = %d\n", passes);
        } else {
            out.add(" Iterations             = %d (NOT CONVERGED)\n", MAX_PASSES);
        }
        out.add(" Largest cluster        = %d points\n", v.largestCluster());
        out.add(" Empty clusters         = %d\n", v.emptyClusters());
        out.add(" Sum of sq. distances   = %d\n", v.sse());
        int shown = Math.min(data.k, 4);
        for (int c = 0; c < shown; c++) {
            out.add(" Mean %-3d               = (", c);
            for (int j = 0; j < Math.min(data.d, 8); j++) {
                out.add(j == 0 ? "%d" : ", %d", data.mean(c, j));
            }
            out.add(data.d > 8 ? ", ...)\n" : ")\n");
        }
        out.add(" Time in seconds        = %.6f\n", seconds);
        out.add(" Fixed-point check      = %d misassigned points, %d off-centroid means\n",
                v.misassigned(), v.offCentroid());
        out.add(verified ? " Verification           = SUCCESSFUL\n" : " Verification           = UNSUCCESSFUL\n");
        out.add("\n");
    }
}
