package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * The k-means working set in user-heap memory: {@code n} points of {@code d} integer
 * coordinates, {@code k} integer means and each point's cluster number.
 *
 * <p>Why integers: Phoenix's k-means draws points and initial means as integers on a grid
 * {@code [0, maxValue)} and keeps the means as integers (a mean is the integer quotient of the
 * members' coordinate sum by their count). Keeping that arithmetic makes the result exact, so
 * the tests can compare it with a reference for equality.
 *
 * <p>Layout: row-major, point {@code i} coordinate {@code j} at index {@code i*d + j}.
 */
final class PhoenixKmeansData {

    final int n;
    final int d;
    final int k;
    final MemorySegment points;
    final MemorySegment means;
    final MemorySegment membership;

    private PhoenixKmeansData(int n, int d, int k, MemorySegment points, MemorySegment means, MemorySegment membership) {
        this.n = n;
        this.d = d;
        this.k = k;
        this.points = points;
        this.means = means;
        this.membership = membership;
    }

    /** Allocates the working set from {@code memory}. */
    static PhoenixKmeansData allocate(BenchMemory memory, int n, int d, int k) {
        MemorySegment points = memory.ints((long) n * d);
        MemorySegment means = memory.ints((long) k * d);
        MemorySegment membership = memory.ints(n);
        return new PhoenixKmeansData(n, d, k, points, means, membership);
    }

    /**
     * Fills the input from {@code seed}, as Phoenix does in memory: first all point coordinates,
     * then all initial mean coordinates, each uniform in {@code [0, maxValue)}, in index order;
     * no point has a cluster yet (-1).
     */
    void generate(long seed, int maxValue) {
        PhoenixRandom random = new PhoenixRandom(seed);
        for (long i = 0, count = (long) n * d; i < count; i++) {
            points.setAtIndex(JAVA_INT, i, random.nextInt(maxValue));
        }
        for (long i = 0, count = (long) k * d; i < count; i++) {
            means.setAtIndex(JAVA_INT, i, random.nextInt(maxValue));
        }
        for (long i = 0; i < n; i++) {
            membership.setAtIndex(JAVA_INT, i, -1);
        }
    }

    /** The cluster of point {@code i}. */
    int clusterOf(int i) {
        return membership.getAtIndex(JAVA_INT, i);
    }

    /** Coordinate {@code j} of mean {@code c}. */
    int mean(int c, int j) {
        return means.getAtIndex(JAVA_INT, (long) c * d + j);
    }

    /** Squared Euclidean distance between point {@code i} and mean {@code c}. */
    long distance(int i, int c) {
        return distance(points, (long) i * d, means, (long) c * d, d);
    }

    /** The nearest mean to point {@code i}; on equal distances the lowest cluster number wins. */
    int nearest(int i) {
        MemorySegment pts = points;
        MemorySegment mns = means;
        int dims = d;
        long p = (long) i * dims;
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            long dist = distance(pts, p, mns, (long) c * dims, dims);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    private static long distance(MemorySegment pts, long p, MemorySegment mns, long m, int dims) {
        long sum = 0;
        for (int j = 0; j < dims; j++) {
            long diff = pts.getAtIndex(JAVA_INT, p + j) - mns.getAtIndex(JAVA_INT, m + j);
            sum += diff * diff;
        }
        return sum;
    }
}
