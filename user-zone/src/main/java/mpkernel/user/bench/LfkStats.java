package mpkernel.user.bench;

/**
 * The summary rates of the LFK report over a set of kernel MFLOPS figures: maximum, arithmetic
 * mean, geometric mean, harmonic mean and minimum, each optionally weighted (the overall figures
 * weight the three parts 1, 2, 1), and the mean DO span.
 *
 * @param maximum largest rate
 * @param average weighted arithmetic mean
 * @param geometric weighted geometric mean
 * @param harmonic weighted harmonic mean
 * @param minimum smallest rate
 * @param span weighted mean span
 */
record LfkStats(double maximum, double average, double geometric, double harmonic, double minimum, double span) {

    /** Statistics of {@code rates[i]} with weights {@code weights[i]} and spans {@code spans[i]}. */
    static LfkStats of(double[] rates, double[] weights, double[] spans) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double total = 0;
        double sum = 0;
        double logs = 0;
        double inverse = 0;
        double spanSum = 0;
        for (int i = 0; i < rates.length; i++) {
            double r = rates[i];
            double w = weights[i];
            max = Math.max(max, r);
            min = Math.min(min, r);
            total += w;
            sum += w * r;
            logs += w * Math.log(r);
            inverse += w / r;
            spanSum += w * spans[i];
        }
        return new LfkStats(max, sum / total, Math.exp(logs / total), total / inverse, min, spanSum / total);
    }
}
