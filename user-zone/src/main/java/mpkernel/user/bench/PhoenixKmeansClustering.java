package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * The timed part of Phoenix's k-means (Ranger et al., HPCA'07, Section 4.1): repeat "assign
 * every point to its nearest mean" and "recompute every mean as the centroid of its members"
 * until an assignment pass moves no point.
 *
 * <p>Phoenix runs each pass as one MapReduce job (map = find the nearest mean of a chunk of
 * points, reduce = average the points of one cluster). This port is single-threaded, as the
 * paper's unikernel runs were, so the two phases are plain loops over the same data; the work
 * per pass is the same {@code n*k*d} distance terms plus {@code n*d} sums.
 *
 * <p>A cluster that loses all its members keeps its previous mean (there is nothing to average).
 */
final class PhoenixKmeansClustering {

    private final PhoenixKmeansData data;
    private final MemorySegment sums;
    private final MemorySegment counts;

    private PhoenixKmeansClustering(PhoenixKmeansData data, MemorySegment sums, MemorySegment counts) {
        this.data = data;
        this.sums = sums;
        this.counts = counts;
    }

    /** A clustering of {@code data} with its scratch sums from {@code memory}. */
    static PhoenixKmeansClustering allocate(BenchMemory memory, PhoenixKmeansData data) {
        MemorySegment sums = memory.longs((long) data.k * data.d);
        MemorySegment counts = memory.longs(data.k);
        return new PhoenixKmeansClustering(data, sums, counts);
    }

    /**
     * Iterates until no point changes cluster; returns the number of assignment passes, or -1
     * if {@code maxPasses} passes did not converge.
     */
    int run(int maxPasses) {
        for (int pass = 1; pass <= maxPasses; pass++) {
            int moved = assign();
            recomputeMeans();
            if (moved == 0) {
                return pass;
            }
        }
        return -1;
    }

    /** Map phase: moves every point to its nearest mean; returns how many points moved. */
    int assign() {
        int moved = 0;
        for (int i = 0; i < data.n; i++) {
            int best = data.nearest(i);
            if (data.membership.getAtIndex(JAVA_INT, i) != best) {
                data.membership.setAtIndex(JAVA_INT, i, best);
                moved++;
            }
        }
        return moved;
    }

    /** Reduce phase: every non-empty cluster's mean becomes the integer centroid of its members. */
    void recomputeMeans() {
        int d = data.d;
        sums.fill((byte) 0);
        counts.fill((byte) 0);
        for (int i = 0; i < data.n; i++) {
            int c = data.membership.getAtIndex(JAVA_INT, i);
            long p = (long) i * d;
            long s = (long) c * d;
            for (int j = 0; j < d; j++) {
                sums.setAtIndex(JAVA_LONG, s + j, sums.getAtIndex(JAVA_LONG, s + j) + data.points.getAtIndex(JAVA_INT, p + j));
            }
            counts.setAtIndex(JAVA_LONG, c, counts.getAtIndex(JAVA_LONG, c) + 1);
        }
        for (int c = 0; c < data.k; c++) {
            long count = counts.getAtIndex(JAVA_LONG, c);
            if (count == 0) {
                continue;
            }
            long s = (long) c * d;
            for (int j = 0; j < d; j++) {
                data.means.setAtIndex(JAVA_INT, s + j, (int) (sums.getAtIndex(JAVA_LONG, s + j) / count));
            }
        }
    }
}
