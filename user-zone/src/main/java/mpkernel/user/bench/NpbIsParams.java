package mpkernel.user.bench;

/**
 * One NPB IS problem class and its partial-verification table.
 *
 * <p>Sizes (2^16, 2^20, 2^23 keys in [0, 2^11), [0, 2^16), [0, 2^19)) and the five test positions
 * with their reference ranks are those of the NPB 2/3 IS class tables (NAS-95-020, NPB 3.x).
 * The reference ranks hold for iteration 0; every ranking iteration rewrites two keys (see
 * {@link NpbIsRanker}), which moves the tested ranks by a class-specific offset ({@link #expectedRank}).
 *
 * @param npbClass class letter
 * @param totalKeysLog2 log2 of the number of keys
 * @param maxKeyLog2 log2 of the key range
 * @param bucketsLog2 log2 of the number of buckets of the bucketed counting sort
 * @param testIndex positions of the five keys whose rank is checked each iteration
 * @param testRank their reference ranks
 */
record NpbIsParams(char npbClass, int totalKeysLog2, int maxKeyLog2, int bucketsLog2, int[] testIndex,
                   int[] testRank) {

    /** Ranking iterations, fixed by the specification. */
    static final int ITERATIONS = 10;
    /** Number of keys checked by the partial verification. */
    static final int TEST_SIZE = 5;

    /** The parameters of class {@code c} (S, W or A). */
    static NpbIsParams forClass(char c) {
        return switch (c) {
            case 'S' -> new NpbIsParams('S', 16, 11, 9,
                    new int[] {48427, 17148, 23627, 62548, 4431},
                    new int[] {0, 18, 346, 64917, 65463});
            case 'W' -> new NpbIsParams('W', 20, 16, 10,
                    new int[] {357773, 934767, 875723, 898999, 404505},
                    new int[] {1249, 11698, 1039987, 1043896, 1048018});
            case 'A' -> new NpbIsParams('A', 23, 19, 10,
                    new int[] {2112377, 662041, 5336171, 3642833, 4250760},
                    new int[] {104, 17523, 123928, 8288932, 8388264});
            default -> throw new IllegalArgumentException("no NPB IS class " + c);
        };
    }

    int totalKeys() {
        return 1 << totalKeysLog2;
    }

    int maxKey() {
        return 1 << maxKeyLog2;
    }

    int buckets() {
        return 1 << bucketsLog2;
    }

    /** The rank test key {@code i} must have in {@code iteration}, per the NPB class tables. */
    int expectedRank(int i, int iteration) {
        int rank = testRank[i];
        return switch (npbClass) {
            case 'S' -> i <= 2 ? rank + iteration : rank - iteration;
            case 'W' -> i < 2 ? rank + (iteration - 2) : rank - iteration;
            case 'A' -> i <= 2 ? rank + (iteration - 1) : rank - (iteration - 1);
            default -> throw new IllegalStateException("no NPB IS class " + npbClass);
        };
    }

    /** The same class with test rank {@code i} replaced (the tests' hook to make verification fail). */
    NpbIsParams withTestRank(int i, int rank) {
        int[] ranks = testRank.clone();
        ranks[i] = rank;
        return new NpbIsParams(npbClass, totalKeysLog2, maxKeyLog2, bucketsLog2, testIndex, ranks);
    }
}
