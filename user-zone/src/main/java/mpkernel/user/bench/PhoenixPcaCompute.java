package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * The timed part of Phoenix's PCA (Ranger et al., HPCA'07, Section 4.1): the mean of every row,
 * then the covariance of every pair of rows.
 *
 * <p>Phoenix runs these as two MapReduce jobs (one map task per row for the means, one per row
 * pair of the upper triangle for the covariances); single-threaded, they are the two loops
 * below with the same arithmetic: {@code mean[r] = (sum of row r) / cols} and
 * {@code cov[i][j] = sum_k (m[i][k]-mean[i]) * (m[j][k]-mean[j]) / (cols-1)}, both integer
 * divisions (truncating), computed for {@code j >= i} because the matrix is symmetric. The lower
 * triangle is then filled by copying, so the result is a whole matrix.
 */
final class PhoenixPcaCompute {

    private PhoenixPcaCompute() {
    }

    /** Computes {@code data.means} and {@code data.cov} from {@code data.matrix}. */
    static void run(PhoenixPcaData data) {
        means(data);
        covariance(data);
    }

    /** First job: the integer mean of every row. */
    static void means(PhoenixPcaData data) {
        MemorySegment m = data.matrix;
        int cols = data.cols;
        for (int r = 0; r < data.rows; r++) {
            long base = (long) r * cols;
            long sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += m.getAtIndex(JAVA_INT, base + c);
            }
            data.means.setAtIndex(JAVA_LONG, r, sum / cols);
        }
    }

    /** Second job: the upper triangle of the covariance matrix, then the mirror image below it. */
    static void covariance(PhoenixPcaData data) {
        MemorySegment m = data.matrix;
        int rows = data.rows;
        int cols = data.cols;
        for (int i = 0; i < rows; i++) {
            long baseI = (long) i * cols;
            long meanI = data.mean(i);
            for (int j = i; j < rows; j++) {
                long baseJ = (long) j * cols;
                long meanJ = data.mean(j);
                long sum = 0;
                for (int c = 0; c < cols; c++) {
                    sum += (m.getAtIndex(JAVA_INT, baseI + c) - meanI) * (m.getAtIndex(JAVA_INT, baseJ + c) - meanJ);
                }
                data.setCov(i, j, sum / (cols - 1));
            }
        }
        for (int i = 1; i < rows; i++) {
            for (int j = 0; j < i; j++) {
                data.setCov(i, j, data.cov(j, i));
            }
        }
    }
}
