package mpkernel.figures;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A fault campaign's pace in trials per minute, estimated from what its file records: each
 * trial's own wall time ({@code millis}) and how many trials ran at once ({@code jobs}). The
 * file has no wall time of the whole campaign, so the estimate is {@code jobs × 60,000 / mean
 * millis}: what {@code jobs} workers that start each trial the moment the last one ends would
 * reach. It is an upper bound, since the campaign's own time between trials (planning, writing
 * the file, waiting for the slowest worker at the end) is left out.
 *
 * <p>Its interval is the Student t 95% interval of the mean trial time, each end turned into a
 * rate: the rate falls as the mean grows, so the interval's upper end gives the rate's lower end.
 * Where the mean's lower end is not above zero the rate has no upper end ({@code +∞}).
 *
 * @param jobs trials the campaign ran at once
 * @param trials trials behind the mean
 * @param meanMillis their mean wall time, milliseconds
 * @param perMinute the estimate, trials per minute
 * @param low lower end of its 95% interval; NaN with fewer than two trials
 * @param high upper end; NaN with fewer than two trials, {@code +∞} when unbounded
 */
record TrialRate(int jobs, int trials, double meanMillis, double perMinute, double low, double high) {

    private static final double MILLIS_PER_MINUTE = 60_000;

    /**
     * The estimate for a campaign of {@code jobs} workers whose trials took {@code millis}.
     *
     * @throws IllegalArgumentException when {@code jobs} is below one, {@code millis} is empty,
     *     or its mean is not above zero (no rate follows from it)
     */
    static TrialRate of(int jobs, List<Double> millis) {
        if (jobs < 1 || millis.isEmpty()) {
            throw new IllegalArgumentException("a rate needs one job or more and a trial time, not " + jobs + " and " + millis.size());
        }
        SummaryStatistics s = new SummaryStatistics();
        millis.forEach(s::addValue);
        double mean = s.getMean();
        if (!(mean > 0)) {
            throw new IllegalArgumentException("trial times average " + mean + " ms; no rate follows");
        }
        int n = (int) s.getN();
        double perMinute = jobs * MILLIS_PER_MINUTE / mean;
        if (n < 2) {
            return new TrialRate(jobs, n, mean, perMinute, Double.NaN, Double.NaN);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * s.getStandardDeviation() / Math.sqrt(n);
        double slowest = mean + half;
        double fastest = mean - half;
        return new TrialRate(jobs, n, mean, perMinute, jobs * MILLIS_PER_MINUTE / slowest,
                fastest > 0 ? jobs * MILLIS_PER_MINUTE / fastest : Double.POSITIVE_INFINITY);
    }

    /** Whether it has an interval (two trials or more). */
    boolean hasInterval() {
        return !Double.isNaN(low);
    }
}
