package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * The PCA working set in user-heap memory: a {@code rows x cols} integer matrix (row-major),
 * the mean of each row and the {@code rows x rows} covariance matrix (row-major, both triangles).
 *
 * <p>Why 64-bit means and covariances: Phoenix keeps them as {@code long long}; a covariance sum
 * of {@code cols} products of deviations does not fit 32 bits for the sizes run here.
 */
final class PhoenixPcaData {

    final int rows;
    final int cols;
    final MemorySegment matrix;
    final MemorySegment means;
    final MemorySegment cov;

    private PhoenixPcaData(int rows, int cols, MemorySegment matrix, MemorySegment means, MemorySegment cov) {
        this.rows = rows;
        this.cols = cols;
        this.matrix = matrix;
        this.means = means;
        this.cov = cov;
    }

    /** Allocates the working set from {@code memory}. */
    static PhoenixPcaData allocate(BenchMemory memory, int rows, int cols) {
        MemorySegment matrix = memory.ints((long) rows * cols);
        MemorySegment means = memory.longs(rows);
        MemorySegment cov = memory.longs((long) rows * rows);
        return new PhoenixPcaData(rows, cols, matrix, means, cov);
    }

    /** Fills the matrix from {@code seed} in row-major order, each element uniform in {@code [0, maxValue)}, as Phoenix does in memory. */
    void generate(long seed, int maxValue) {
        PhoenixRandom random = new PhoenixRandom(seed);
        for (long i = 0, count = (long) rows * cols; i < count; i++) {
            matrix.setAtIndex(JAVA_INT, i, random.nextInt(maxValue));
        }
    }

    /** Element {@code (r, c)} of the input matrix. */
    int element(int r, int c) {
        return matrix.getAtIndex(JAVA_INT, (long) r * cols + c);
    }

    /** The mean of row {@code r}. */
    long mean(int r) {
        return means.getAtIndex(JAVA_LONG, r);
    }

    /** Covariance entry {@code (i, j)}. */
    long cov(int i, int j) {
        return cov.getAtIndex(JAVA_LONG, (long) i * rows + j);
    }

    /** Sets covariance entry {@code (i, j)}. */
    void setCov(int i, int j, long value) {
        cov.setAtIndex(JAVA_LONG, (long) i * rows + j, value);
    }
}
