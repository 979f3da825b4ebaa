package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * The ranking kernel of NPB IS: a bucketed counting sort that computes, for every key value v,
 * the number of keys below v+1, plus the benchmark's two checks (partial: ranks of five fixed keys
 * each iteration; full: the keys placed by rank end up sorted).
 *
 * <p>Specification: RNR-94-007 section 2.5 "Integer Sort" (ranking, the per-iteration rewrite
 * {@code K[i] = i, K[i+10] = Bmax - i}, partial and full verification) and NAS-95-020; the
 * bucket pass (keys grouped by their top bits before counting) is the NPB 3.x formulation.
 */
final class NpbIsRanker {

    private final NpbIsParams p;
    private final MemorySegment keys;
    private final MemorySegment sortedByBucket;
    private final MemorySegment counts;
    private final MemorySegment bucketSize;
    private final MemorySegment bucketEnd;
    private final MemorySegment testValues;
    private int passed;

    /** A ranker over {@code keys} (class {@code p}), with work arrays from {@code memory}. */
    NpbIsRanker(NpbIsParams p, MemorySegment keys, BenchMemory memory) {
        this.p = p;
        this.keys = keys;
        this.sortedByBucket = memory.ints(p.totalKeys());
        this.counts = memory.ints(p.maxKey());
        this.bucketSize = memory.ints(p.buckets());
        this.bucketEnd = memory.ints(p.buckets());
        this.testValues = memory.ints(NpbIsParams.TEST_SIZE);
    }

    /** Number of partial and full checks passed so far. */
    int passed() {
        return passed;
    }

    /** Forgets the checks passed so far (after the untimed warm-up iteration). */
    void resetPassed() {
        passed = 0;
    }

    /** One ranking iteration, including its partial verification. */
    void rank(int iteration) {
        int n = p.totalKeys();
        keys.setAtIndex(JAVA_INT, iteration, iteration);
        keys.setAtIndex(JAVA_INT, iteration + NpbIsParams.ITERATIONS, p.maxKey() - iteration);
        for (int i = 0; i < NpbIsParams.TEST_SIZE; i++) {
            testValues.setAtIndex(JAVA_INT, i, keys.getAtIndex(JAVA_INT, p.testIndex()[i]));
        }

        int shift = p.maxKeyLog2() - p.bucketsLog2();
        int buckets = p.buckets();
        for (int b = 0; b < buckets; b++) {
            bucketSize.setAtIndex(JAVA_INT, b, 0);
        }
        for (int i = 0; i < n; i++) {
            int b = keys.getAtIndex(JAVA_INT, i) >> shift;
            bucketSize.setAtIndex(JAVA_INT, b, bucketSize.getAtIndex(JAVA_INT, b) + 1);
        }
        int running = 0;
        for (int b = 0; b < buckets; b++) {
            bucketEnd.setAtIndex(JAVA_INT, b, running);
            running += bucketSize.getAtIndex(JAVA_INT, b);
        }
        for (int i = 0; i < n; i++) {
            int key = keys.getAtIndex(JAVA_INT, i);
            int b = key >> shift;
            int slot = bucketEnd.getAtIndex(JAVA_INT, b);
            sortedByBucket.setAtIndex(JAVA_INT, slot, key);
            bucketEnd.setAtIndex(JAVA_INT, b, slot + 1);
        }
        // Per bucket: histogram of its key values, then prefix sums offset by the keys in lower buckets.
        int keysPerBucket = 1 << shift;
        for (int b = 0; b < buckets; b++) {
            int first = b * keysPerBucket;
            int last = first + keysPerBucket;
            for (int v = first; v < last; v++) {
                counts.setAtIndex(JAVA_INT, v, 0);
            }
            int below = b > 0 ? bucketEnd.getAtIndex(JAVA_INT, b - 1) : 0;
            int end = bucketEnd.getAtIndex(JAVA_INT, b);
            for (int k = below; k < end; k++) {
                int key = sortedByBucket.getAtIndex(JAVA_INT, k);
                counts.setAtIndex(JAVA_INT, key, counts.getAtIndex(JAVA_INT, key) + 1);
            }
            counts.setAtIndex(JAVA_INT, first, counts.getAtIndex(JAVA_INT, first) + below);
            for (int v = first + 1; v < last; v++) {
                counts.setAtIndex(JAVA_INT, v, counts.getAtIndex(JAVA_INT, v) + counts.getAtIndex(JAVA_INT, v - 1));
            }
        }
        partialVerify(iteration);
    }

    private void partialVerify(int iteration) {
        for (int i = 0; i < NpbIsParams.TEST_SIZE; i++) {
            int k = testValues.getAtIndex(JAVA_INT, i);
            if (k > 0 && k <= p.totalKeys() - 1) {
                int rank = counts.getAtIndex(JAVA_INT, k - 1);
                if (rank == p.expectedRank(i, iteration)) {
                    passed++;
                }
            }
        }
    }

    /**
     * NPB's full verification after the last iteration: places every key at its rank (using the
     * counts of the last iteration) and checks that the result is non-decreasing.
     */
    boolean fullVerify() {
        int n = p.totalKeys();
        for (int b = 0; b < p.buckets(); b++) {
            int from = b > 0 ? bucketEnd.getAtIndex(JAVA_INT, b - 1) : 0;
            int end = bucketEnd.getAtIndex(JAVA_INT, b);
            for (int i = from; i < end; i++) {
                int key = sortedByBucket.getAtIndex(JAVA_INT, i);
                int position = counts.getAtIndex(JAVA_INT, key) - 1;
                counts.setAtIndex(JAVA_INT, key, position);
                keys.setAtIndex(JAVA_INT, position, key);
            }
        }
        int unordered = 0;
        for (int i = 1; i < n; i++) {
            if (keys.getAtIndex(JAVA_INT, i - 1) > keys.getAtIndex(JAVA_INT, i)) {
                unordered++;
            }
        }
        if (unordered == 0) {
            passed++;
        }
        return unordered == 0;
    }
}
