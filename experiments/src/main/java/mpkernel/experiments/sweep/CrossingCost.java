package mpkernel.experiments.sweep;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The cost of one crossing, from a sweep: the least-squares slope of the extra time of the
 * isolated build ({@code isolated - vanilla}, pair by pair) on the number of crossings in the
 * isolated run, with an intercept (constant differences between the builds, such as the
 * confinement of the isolated process, fall into it). Its 95% interval is the slope's Student t
 * interval (Commons Math's {@code SimpleRegression}).
 *
 * @param nanos cost of one crossing, nanoseconds
 * @param ciLow lower end of the 95% interval, nanoseconds
 * @param ciHigh upper end, nanoseconds
 * @param rSquare the fit's R²
 * @param points pairs in the fit
 */
public record CrossingCost(double nanos, double ciLow, double ciHigh, double rSquare, int points) {

    /** How the numbers are made, for reports. */
    public static final String ESTIMATOR = "least-squares slope of (isolated - vanilla) seconds per pair on crossings per run,"
            + " with intercept; Student t 95% CI of the slope";

    /** The fit over every pair of {@code steps}. */
    public static CrossingCost of(List<SweepStep> steps) {
        SimpleRegression r = new SimpleRegression(true);
        for (SweepStep s : steps) {
            for (int k = 0; k < Math.min(s.vanillaSeconds().size(), s.isolatedSeconds().size()); k++) {
                r.addData(s.crossings().get(k), s.isolatedSeconds().get(k) - s.vanillaSeconds().get(k));
            }
        }
        if (r.getN() < 3) {
            return new CrossingCost(r.getN() < 2 ? Double.NaN : r.getSlope() * 1e9, Double.NaN, Double.NaN, Double.NaN, (int) r.getN());
        }
        double half = r.getSlopeConfidenceInterval(0.05);
        return new CrossingCost(r.getSlope() * 1e9, (r.getSlope() - half) * 1e9, (r.getSlope() + half) * 1e9, r.getRSquare(),
                (int) r.getN());
    }

    /** Whether the interval excludes zero: a cost this run can detect. */
    public boolean detected() {
        return !Double.isNaN(ciLow) && ciLow > 0;
    }
}
