package mpkernel.cli;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The difference of two JMH scores, isolated minus vanilla, with its 95% Welch interval over
 * their measured iterations (all forks pooled, as JMH's own error is). Only a difference whose
 * interval excludes zero is claimed as an effect, and only such a one gets a percentage.
 *
 * @param nanos isolated mean minus vanilla mean, in the scores' unit
 * @param low lower end of the 95% interval ({@code NaN} without at least two iterations a side)
 * @param high upper end
 */
record MeanDifference(double nanos, double low, double high) {

    /** How the interval is made, for reports. */
    static final String ESTIMATOR = "isolated - none, mean of the measured iterations, Welch t 95% CI";

    static MeanDifference of(List<Double> vanilla, List<Double> isolated) {
        SummaryStatistics v = stats(vanilla);
        SummaryStatistics i = stats(isolated);
        double diff = i.getMean() - v.getMean();
        if (v.getN() < 2 || i.getN() < 2) {
            return new MeanDifference(diff, Double.NaN, Double.NaN);
        }
        double av = v.getVariance() / v.getN();
        double ai = i.getVariance() / i.getN();
        double se = Math.sqrt(av + ai);
        if (se == 0) {
            return new MeanDifference(diff, diff, diff);
        }
        double df = (av + ai) * (av + ai) / (av * av / (v.getN() - 1) + ai * ai / (i.getN() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new MeanDifference(diff, diff - t * se, diff + t * se);
    }

    /** Whether the interval excludes zero. */
    boolean resolved() {
        return !Double.isNaN(low) && (low > 0 || high < 0);
    }

    private static SummaryStatistics stats(List<Double> xs) {
        SummaryStatistics s = new SummaryStatistics();
        xs.forEach(s::addValue);
        return s;
    }
}
