package mpkernel.results;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The difference of two means, isolated minus vanilla, with its Welch 95% interval: for JMH
 * scores, over their measured iterations (all forks pooled, as JMH's own error is). Only a
 * difference whose interval excludes zero is claimed as an effect.
 *
 * @param difference isolated mean minus vanilla mean, in the samples' unit
 * @param low lower end of the 95% interval; NaN without two samples on each side
 * @param high upper end
 * @param vanillaMean the vanilla mean, for the difference as a share of it
 */
public record WelchDifference(double difference, double low, double high, double vanillaMean) {

    /** The difference of the means of {@code isolated} and {@code vanilla}. */
    public static WelchDifference of(List<Double> vanilla, List<Double> isolated) {
        SummaryStatistics v = stats(vanilla);
        SummaryStatistics i = stats(isolated);
        double diff = i.getMean() - v.getMean();
        if (v.getN() < 2 || i.getN() < 2) {
            return new WelchDifference(diff, Double.NaN, Double.NaN, v.getMean());
        }
        double av = v.getVariance() / v.getN();
        double ai = i.getVariance() / i.getN();
        double se = Math.sqrt(av + ai);
        if (se == 0) {
            return new WelchDifference(diff, diff, diff, v.getMean());
        }
        // Welch–Satterthwaite degrees of freedom: the two builds need not vary alike.
        double df = (av + ai) * (av + ai) / (av * av / (v.getN() - 1) + ai * ai / (i.getN() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new WelchDifference(diff, diff - t * se, diff + t * se, v.getMean());
    }

    /** Whether the interval excludes zero, so that the difference may be called an effect. */
    public boolean resolved() {
        return !Double.isNaN(low) && (low > 0 || high < 0);
    }

    /** The difference as a fraction of the vanilla mean (0.06 is 6% slower). */
    public double relative() {
        return difference / vanillaMean;
    }

    private static SummaryStatistics stats(List<Double> xs) {
        SummaryStatistics s = new SummaryStatistics();
        xs.forEach(s::addValue);
        return s;
    }
}
