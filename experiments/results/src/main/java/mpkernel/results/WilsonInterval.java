package mpkernel.results;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The Wilson score interval of a share at 95%, for detection rates and the outcome shares of a
 * fault campaign. Unlike the normal approximation it stays inside [0, 1] and says something at
 * 0 or all of n (0 of 20 trials is "at most 16%", not "exactly 0"), which is where detection
 * rates live. Computed by Commons Math.
 *
 * @param successes trials with the outcome
 * @param trials all trials
 * @param low lower end, a fraction; NaN without trials
 * @param high upper end, a fraction; NaN without trials
 */
public record WilsonInterval(long successes, long trials, double low, double high) {

    /** The confidence level. */
    private static final double LEVEL = 0.95;

    /** The interval of {@code successes} out of {@code trials}. */
    public static WilsonInterval of(long successes, long trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials);
        }
        if (trials == 0) {
            return new WilsonInterval(0, 0, Double.NaN, Double.NaN);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(Math.toIntExact(trials), Math.toIntExact(successes), LEVEL);
        // At 0 and n one end is exactly 0 or 1; the formula reaches it only up to rounding.
        double low = successes == 0 ? 0 : Math.max(0, ci.getLowerBound());
        double high = successes == trials ? 1 : Math.min(1, ci.getUpperBound());
        return new WilsonInterval(successes, trials, low, high);
    }

    /** The share itself; NaN without trials. */
    public double share() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }
}
