package mpkernel.experiments.overhead;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The slowdown of an isolated build over the vanilla one, from paired forks, by one estimator
 * from which every number here comes: the <b>paired log ratio</b>. Pair k ran both builds
 * back to back (in ABBA order, so neither always ran first); its log ratio is
 * {@code d_k = ln(isolated_k / vanilla_k)}. The slowdown is {@code exp(mean d) - 1}, the
 * ratio of the two builds' geometric-mean times minus one; its 95% interval is the Student t
 * interval of the mean of {@code d}, mapped the same way; the p-value is that of the one-sample
 * t test of {@code d} against 0, so it is below 0.05 exactly when the interval excludes 0.
 *
 * <p>Equivalence is tested with two one-sided tests (TOST) against a margin {@code m}: the
 * builds are equivalent when the 90% interval of the slowdown lies inside {@code (-m, +m)}
 * (both one-sided tests reject at 5%). A slowdown that is neither shown equivalent nor shown
 * different is inconclusive, not zero.
 *
 * @param slowdown {@code exp(mean d) - 1} (0.006 means 0.6% slower)
 * @param ciLow lower end of the 95% interval, NaN with fewer than 2 pairs
 * @param ciHigh upper end, NaN with fewer than 2 pairs
 * @param pValue two-sided p-value of "no difference", NaN with fewer than 2 pairs
 * @param margin the equivalence margin (0.01 is ±1%)
 * @param tostP the TOST p-value (the larger one-sided p), NaN with fewer than 2 pairs
 * @param pairs number of pairs
 * @param vanillaSeconds geometric mean of the vanilla times of the pairs
 * @param isolatedSeconds geometric mean of the isolated times of the pairs
 */
public record Slowdown(double slowdown, double ciLow, double ciHigh, double pValue, double margin, double tostP, int pairs,
                       double vanillaSeconds, double isolatedSeconds) {

    /** How the numbers are made, for reports. */
    public static final String ESTIMATOR = "paired log ratio: slowdown = exp(mean ln(isolated/vanilla)) - 1 over ABBA pairs,"
            + " Student t 95% CI and t-test p of the same mean, TOST equivalence with the 90% CI";

    /** The verdict against the margin. */
    public enum Verdict {
        /** The 90% interval lies inside the margin. */
        EQUIVALENT,
        /** The 95% interval lies entirely above the margin. */
        SLOWER,
        /** The 95% interval lies entirely below minus the margin. */
        FASTER,
        /** None of the above: the data cannot tell. */
        INCONCLUSIVE
    }

    /** The slowdown of {@code isolated} over {@code vanilla}, pairing the i-th elements, tested against {@code margin}. */
    public static Slowdown of(List<Double> vanilla, List<Double> isolated, double margin) {
        int n = Math.min(vanilla.size(), isolated.size());
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        SummaryStatistics d = new SummaryStatistics();
        SummaryStatistics lv = new SummaryStatistics();
        SummaryStatistics li = new SummaryStatistics();
        for (int k = 0; k < n; k++) {
            d.addValue(Math.log(isolated.get(k) / vanilla.get(k)));
            lv.addValue(Math.log(vanilla.get(k)));
            li.addValue(Math.log(isolated.get(k)));
        }
        double mean = d.getMean();
        double gv = Math.exp(lv.getMean());
        double gi = Math.exp(li.getMean());
        if (n < 2) {
            return new Slowdown(Math.expm1(mean), Double.NaN, Double.NaN, Double.NaN, margin, Double.NaN, n, gv, gi);
        }
        double se = d.getStandardDeviation() / Math.sqrt(n);
        TDistribution t = new TDistribution(n - 1);
        double half = t.inverseCumulativeProbability(0.975) * se;
        double p;
        double tost;
        if (se == 0) {
            p = mean == 0 ? 1 : 0;
            tost = Math.abs(mean) < Math.log1p(margin) ? 0 : 1;
        } else {
            p = 2 * t.cumulativeProbability(-Math.abs(mean / se));
            double lower = Math.log1p(-margin);
            double upper = Math.log1p(margin);
            double pLower = 1 - t.cumulativeProbability((mean - lower) / se);   // H0: d <= ln(1-m)
            double pUpper = t.cumulativeProbability((mean - upper) / se);       // H0: d >= ln(1+m)
            tost = Math.max(pLower, pUpper);
        }
        return new Slowdown(Math.expm1(mean), Math.expm1(mean - half), Math.expm1(mean + half), p, margin, tost, n, gv, gi);
    }

    /** Whether the 95% interval excludes zero. */
    public boolean significant() {
        return !Double.isNaN(pValue) && pValue < 0.05;
    }

    /** The verdict against {@link #margin()}. */
    public Verdict verdict() {
        if (!Double.isNaN(tostP) && tostP < 0.05) {
            return Verdict.EQUIVALENT;
        }
        if (!Double.isNaN(ciLow) && ciLow > margin) {
            return Verdict.SLOWER;
        }
        if (!Double.isNaN(ciHigh) && ciHigh < -margin) {
            return Verdict.FASTER;
        }
        return Verdict.INCONCLUSIVE;
    }
}
