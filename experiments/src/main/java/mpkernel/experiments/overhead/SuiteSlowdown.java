package mpkernel.experiments.overhead;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The suite's slowdown: the geometric mean over benchmarks of each benchmark's paired ratio
 * ({@code exp(mean over benchmarks of mean ln(isolated/vanilla)) - 1}), the same estimator as
 * {@link Slowdown} one level up, with an interval from a bootstrap over pairs: each of
 * {@link #RESAMPLES} resamples draws every benchmark's pairs again with replacement. The 95%
 * interval is the 2.5th and 97.5th percentile; the builds are equivalent when the 90% interval
 * (5th to 95th) lies inside the margin. The resampling is seeded, so a result file's numbers can
 * be recomputed exactly.
 *
 * @param slowdown the suite's slowdown
 * @param ciLow lower end of the 95% bootstrap interval
 * @param ciHigh upper end
 * @param equivalent the 90% bootstrap interval lies inside {@code (-margin, +margin)}
 * @param margin the equivalence margin
 * @param benchmarks benchmarks in the suite
 */
public record SuiteSlowdown(double slowdown, double ciLow, double ciHigh, boolean equivalent, double margin, int benchmarks) {

    /** Bootstrap resamples. */
    public static final int RESAMPLES = 10_000;
    /** The bootstrap's seed. */
    public static final long SEED = 20_200_317L;

    /** How the numbers are made, for reports. */
    public static final String ESTIMATOR = "geometric mean over benchmarks of the paired ratios; 95% CI by a seeded bootstrap over"
            + " pairs (" + RESAMPLES + " resamples), equivalence with the 90% bootstrap interval";

    /**
     * The suite of {@code logRatios}, one array per benchmark holding its pairs'
     * {@code ln(isolated/vanilla)}.
     */
    public static SuiteSlowdown of(List<double[]> logRatios, double margin) {
        if (logRatios.isEmpty()) {
            return new SuiteSlowdown(Double.NaN, Double.NaN, Double.NaN, false, margin, 0);
        }
        double point = Math.expm1(meanOfMeans(logRatios, null));
        SplittableRandom random = new SplittableRandom(SEED);
        double[] boot = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            boot[b] = meanOfMeans(logRatios, random);
        }
        Arrays.sort(boot);
        double lo95 = Math.expm1(percentile(boot, 0.025));
        double hi95 = Math.expm1(percentile(boot, 0.975));
        boolean equivalent = Math.expm1(percentile(boot, 0.05)) > -margin && Math.expm1(percentile(boot, 0.95)) < margin;
        return new SuiteSlowdown(point, lo95, hi95, equivalent, margin, logRatios.size());
    }

    /** The mean over benchmarks of each one's mean, its pairs resampled with {@code random} (or as they are, if null). */
    private static double meanOfMeans(List<double[]> logRatios, SplittableRandom random) {
        double sum = 0;
        for (double[] d : logRatios) {
            double s = 0;
            for (int i = 0; i < d.length; i++) {
                s += random == null ? d[i] : d[random.nextInt(d.length)];
            }
            sum += s / d.length;
        }
        return sum / logRatios.size();
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
