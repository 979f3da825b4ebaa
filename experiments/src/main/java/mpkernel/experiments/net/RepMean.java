package mpkernel.experiments.net;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of one quantity over the repetitions that measured it, with its Student t 95%
 * interval (repetitions are independent boots in rotated order, so the t interval over them is
 * the honest one; NaN ends with fewer than two). Repetitions that failed (NaN) are left out and
 * counted.
 *
 * @param mean the arithmetic mean
 * @param ciLow lower end of the 95% interval, NaN with fewer than 2 values
 * @param ciHigh upper end
 * @param n values used
 */
record RepMean(double mean, double ciLow, double ciHigh, int n) {

    /** How the numbers are made, for reports. */
    static final String ESTIMATOR = "mean over repetitions with a Student t 95% CI (n-1 degrees of freedom)";

    static RepMean of(List<Double> values) {
        SummaryStatistics s = new SummaryStatistics();
        values.stream().filter(v -> !Double.isNaN(v)).forEach(s::addValue);
        int n = (int) s.getN();
        if (n == 0) {
            return new RepMean(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        if (n < 2) {
            return new RepMean(s.getMean(), Double.NaN, Double.NaN, 1);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * s.getStandardDeviation() / Math.sqrt(n);
        return new RepMean(s.getMean(), s.getMean() - half, s.getMean() + half, n);
    }
}
