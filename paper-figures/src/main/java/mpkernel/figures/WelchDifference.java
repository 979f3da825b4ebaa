package mpkernel.figures;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The difference of two JMH scores, isolated minus vanilla, with its 95% Welch interval over
 * their measured iterations (all forks pooled, as JMH's own error is): the statistic that
 * {@code ./mpk bench} prints for {@code write_bytes}, computed here again from the file, since
 * the figures read result files only. Only a difference whose interval excludes zero is
 * claimed as an effect.
 *
 * @param ns isolated mean minus vanilla mean, nanoseconds
 * @param low lower end of the 95% interval; NaN without two iterations on each side
 * @param high upper end
 * @param vanillaMeanNs the vanilla mean, for the difference as a share of it
 */
record WelchDifference(double ns, double low, double high, double vanillaMeanNs) {

    /** The difference of the means of {@code isolated} and {@code vanilla}, iterations in nanoseconds. */
    static WelchDifference of(List<Double> vanilla, List<Double> isolated) {
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
    boolean resolved() {
        return !Double.isNaN(low) && (low > 0 || high < 0);
    }

    /** The difference as a fraction of the vanilla mean (0.06 is 6% slower). */
    double relative() {
        return ns / vanillaMeanNs;
    }

    private static SummaryStatistics stats(List<Double> xs) {
        SummaryStatistics s = new SummaryStatistics();
        xs.forEach(s::addValue);
        return s;
    }
}
