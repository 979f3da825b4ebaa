package mpkernel.experiments.faults;

/**
 * The Wilson score interval of a proportion at 95%: unlike the normal approximation it stays
 * inside [0, 1] and is honest at 0 or n successes, which is exactly where detection rates live.
 *
 * @param successes successes
 * @param trials trials
 * @param low lower bound
 * @param high upper bound
 */
public record Wilson(long successes, long trials, double low, double high) {

    static final double Z = 1.959963984540054;

    /** The interval of {@code successes} out of {@code trials}. */
    public static Wilson of(long successes, long trials) {
        if (trials == 0) {
            return new Wilson(0, 0, Double.NaN, Double.NaN);
        }
        double p = (double) successes / trials;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z / (1 + z2 / trials) * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new Wilson(successes, trials, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The point estimate. */
    public double rate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }
}
