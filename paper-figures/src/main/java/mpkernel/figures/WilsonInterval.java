package mpkernel.figures;

/**
 * The Wilson score interval of a share at 95%, for the outcome shares of a fault campaign.
 * Unlike the normal approximation it stays inside [0, 1] and says something at 0 or all of n
 * (0 of 20 trials is "at most 16%", not "exactly 0"), which is where detection rates live.
 *
 * @param successes trials with the outcome
 * @param trials all trials
 * @param low lower end, a fraction; NaN without trials
 * @param high upper end, a fraction; NaN without trials
 */
record WilsonInterval(long successes, long trials, double low, double high) {

    /** The standard normal quantile of 0.975. */
    static final double Z = 1.959963984540054;

    /** The interval of {@code successes} out of {@code trials}. */
    static WilsonInterval of(long successes, long trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials);
        }
        if (trials == 0) {
            return new WilsonInterval(0, 0, Double.NaN, Double.NaN);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 and n one end is exactly 0 or 1; the formula reaches it only up to rounding.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new WilsonInterval(successes, trials, low, high);
    }

    /** The share itself; NaN without trials. */
    double share() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }
}
