package mpkernel.experiments.overhead;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The slowdown of an isolated build over the vanilla one, from paired forks.
 *
 * <p>Forks run alternately (vanilla, isolated, vanilla, isolated, ...), so fork k of each build
 * ran at nearly the same moment; pairing them cancels slow drifts of a noisy machine. The
 * estimate is the mean of the paired ratios {@code isolated_k / vanilla_k} minus one, its 95%
 * confidence interval the Student t interval of those ratios, and the p-value that of a paired
 * t-test on the times (null hypothesis: no difference). With one pair there is no interval.
 *
 * @param slowdown mean paired ratio minus 1 (0.006 means 0.6% slower)
 * @param ciLow lower end of the 95% interval of the slowdown, NaN with fewer than 2 pairs
 * @param ciHigh upper end, NaN with fewer than 2 pairs
 * @param pValue two-sided paired t-test p-value, NaN with fewer than 2 pairs
 * @param pairs number of pairs
 */
public record Slowdown(double slowdown, double ciLow, double ciHigh, double pValue, int pairs) {

    /** The slowdown of {@code isolated} over {@code vanilla}, pairing the i-th elements. */
    public static Slowdown of(List<Double> vanilla, List<Double> isolated) {
        int n = Math.min(vanilla.size(), isolated.size());
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        SummaryStatistics ratios = new SummaryStatistics();
        double[] v = new double[n];
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = vanilla.get(k);
            s[k] = isolated.get(k);
            ratios.addValue(s[k] / v[k]);
        }
        double mean = ratios.getMean();
        if (n < 2) {
            return new Slowdown(mean - 1, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * ratios.getStandardDeviation() / Math.sqrt(n);
        double p = ratios.getStandardDeviation() == 0 ? (mean == 1 ? 1 : 0) : new TTest().pairedTTest(s, v);
        return new Slowdown(mean - 1, mean - half - 1, mean + half - 1, p, n);
    }

    /** Whether the 95% interval excludes zero. */
    public boolean significant() {
        return !Double.isNaN(pValue) && pValue < 0.05;
    }

    /** Arithmetic mean of the slowdowns: the paper's "average slowdown". */
    public static double arithmeticMean(List<Slowdown> all) {
        return all.stream().mapToDouble(Slowdown::slowdown).average().orElse(Double.NaN);
    }

    /** Geometric mean of the ratios, minus one: the mean that treats speed-ups and slow-downs symmetrically. */
    public static double geometricMean(List<Slowdown> all) {
        return Math.exp(all.stream().mapToDouble(x -> Math.log1p(x.slowdown())).average().orElse(Double.NaN)) - 1;
    }
}
