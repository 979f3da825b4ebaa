package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import mpkernel.kernel.api.Sys;

/**
 * The k-means self-check: the final state must be a fixed point of both phases.
 *
 * <p>Why this check: k-means has no known answer to compare with, but its stopping rule says
 * exactly what the result must satisfy. (1) Every point belongs to a nearest mean: no other
 * mean is strictly closer, and an equally close one has a higher number (the tie rule). (2)
 * Every non-empty cluster's mean is the integer centroid of its members. (3) Every point has a
 * cluster in {@code [0, k)}. The check is written from those statements, not by re-running the
 * clustering's loops, and counts every violation.
 */
final class PhoenixKmeansCheck {

    /**
     * What the check found.
     *
     * @param misassigned points that have a strictly closer (or equally close, lower-numbered) mean, or no valid cluster
     * @param offCentroid non-empty clusters whose mean is not the centroid of their members
     * @param emptyClusters clusters without members (allowed; reported)
     * @param largestCluster member count of the biggest cluster
     * @param sse sum over the points of the squared distance to their own mean
     */
    record Verdict(long misassigned, long offCentroid, long emptyClusters, long largestCluster, long sse) {
        boolean passed() {
            return misassigned == 0 && offCentroid == 0;
        }
    }

    private PhoenixKmeansCheck() {
    }

    /** Checks {@code data}; scratch memory comes from {@code sys} and is returned. */
    static Verdict check(Sys sys, PhoenixKmeansData data) {
        int n = data.n;
        int d = data.d;
        int k = data.k;
        long misassigned = 0;
        long sse = 0;
        MemorySegment sums = sys.calloc((long) k * d, Long.BYTES);
        MemorySegment counts = sys.calloc(k, Long.BYTES);
        try {
            for (int i = 0; i < n; i++) {
                int own = data.clusterOf(i);
                if (own < 0 || own >= k) {
                    misassigned++;
                    continue;
                }
                long ownDistance = data.distance(i, own);
                sse += ownDistance;
                for (int c = 0; c < k; c++) {
                    long dist = data.distance(i, c);
                    if (dist < ownDistance || (dist == ownDistance && c < own)) {
                        misassigned++;
                        break;
                    }
                }
                for (int j = 0; j < d; j++) {
                    long at = (long) own * d + j;
                    sums.setAtIndex(JAVA_LONG, at, sums.getAtIndex(JAVA_LONG, at) + data.points.getAtIndex(JAVA_INT, (long) i * d + j));
                }
                counts.setAtIndex(JAVA_LONG, own, counts.getAtIndex(JAVA_LONG, own) + 1);
            }
            long offCentroid = 0;
            long empty = 0;
            long largest = 0;
            for (int c = 0; c < k; c++) {
                long count = counts.getAtIndex(JAVA_LONG, c);
                largest = Math.max(largest, count);
                if (count == 0) {
                    empty++;
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    if (sums.getAtIndex(JAVA_LONG, (long) c * d + j) / count != data.mean(c, j)) {
                        offCentroid++;
                        break;
                    }
                }
            }
            return new Verdict(misassigned, offCentroid, empty, largest, sse);
        } finally {
            sys.free(counts);
            sys.free(sums);
        }
    }
}
