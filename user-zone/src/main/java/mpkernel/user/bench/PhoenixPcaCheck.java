package mpkernel.user.bench;

/**
 * The PCA self-check.
 *
 * <p>Why these tests: a covariance matrix must be symmetric, and each entry can be recomputed
 * by a different route. (1) Every row mean is recomputed. (2) The whole matrix is checked for
 * symmetry (the computation writes the lower triangle separately, so this catches a wrong
 * mirror or a stray write). (3) A seeded sample of entries, plus the four corners, is
 * recomputed with the expanded sum
 * {@code S = sum x_i x_j - mean_j sum x_i - mean_i sum x_j + cols mean_i mean_j}, which equals
 * the centred sum {@code sum (x_i - mean_i)(x_j - mean_j)} exactly in integer arithmetic, so
 * {@code S / (cols-1)} must equal the stored entry exactly.
 */
final class PhoenixPcaCheck {

    /** Entries recomputed besides the four corners. */
    static final int SAMPLES = 256;

    /**
     * What the check found.
     *
     * @param wrongMeans rows whose stored mean differs from a recomputation
     * @param asymmetric pairs {@code i < j} with {@code cov[i][j] != cov[j][i]}
     * @param wrongSamples recomputed entries that differ
     * @param sampled entries recomputed
     */
    record Verdict(long wrongMeans, long asymmetric, long wrongSamples, long sampled) {
        boolean passed() {
            return wrongMeans == 0 && asymmetric == 0 && wrongSamples == 0;
        }
    }

    private PhoenixPcaCheck() {
    }

    /** Checks {@code data}; {@code seed} chooses the sampled entries. */
    static Verdict check(PhoenixPcaData data, long seed) {
        int rows = data.rows;
        long wrongMeans = 0;
        for (int r = 0; r < rows; r++) {
            if (rowSum(data, r) / data.cols != data.mean(r)) {
                wrongMeans++;
            }
        }
        long asymmetric = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < rows; j++) {
                if (data.cov(i, j) != data.cov(j, i)) {
                    asymmetric++;
                }
            }
        }
        long wrongSamples = 0;
        int last = rows - 1;
        int[][] corners = {{0, 0}, {0, last}, {last, 0}, {last, last}};
        for (int[] corner : corners) {
            wrongSamples += entryWrong(data, corner[0], corner[1]) ? 1 : 0;
        }
        PhoenixRandom random = new PhoenixRandom(seed ^ 0x5CA1AB1EL);
        for (int s = 0; s < SAMPLES; s++) {
            wrongSamples += entryWrong(data, random.nextInt(rows), random.nextInt(rows)) ? 1 : 0;
        }
        return new Verdict(wrongMeans, asymmetric, wrongSamples, corners.length + SAMPLES);
    }

    private static boolean entryWrong(PhoenixPcaData data, int i, int j) {
        long sumIJ = 0;
        for (int c = 0; c < data.cols; c++) {
            sumIJ += (long) data.element(i, c) * data.element(j, c);
        }
        long meanI = data.mean(i);
        long meanJ = data.mean(j);
        long centred = sumIJ - meanJ * rowSum(data, i) - meanI * rowSum(data, j) + data.cols * meanI * meanJ;
        return centred / (data.cols - 1) != data.cov(i, j);
    }

    private static long rowSum(PhoenixPcaData data, int r) {
        long sum = 0;
        for (int c = 0; c < data.cols; c++) {
            sum += data.element(r, c);
        }
        return sum;
    }
}
