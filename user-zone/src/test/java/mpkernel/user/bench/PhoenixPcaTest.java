package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link PhoenixPca} through {@link TestSysPhoenix} and compares every entry with a plain reference. */
class PhoenixPcaTest {

    @Test
    void smallSizeVerifiesAndReports() {
        try (TestSysPhoenix sys = new TestSysPhoenix()) {
            int status = new PhoenixPca().main(sys, List.of("--size", "small"));
            assertEquals(0, status, sys.stdout());
            assertTrue(sys.stdout().contains(" Verification               = SUCCESSFUL\n"), sys.stdout());
            assertTrue(sys.lastLine().matches(
                    "MPK-RESULT benchmark=phoenix-pca size=small seconds=\\d+\\.\\d{6} verified=true"), sys.lastLine());
            assertEquals(0, sys.liveBlocks(), "every malloc freed");
            assertEquals(1, sys.writes(), "the report is one write");
        }
    }

    @Test
    void everyEntryEqualsPlainReference() {
        int rows = 70;
        int cols = 45;
        int grid = 1000;
        long seed = 7;
        long[][] expectedCov = new long[rows][rows];
        long[] expectedMeans = new long[rows];
        reference(rows, cols, grid, seed, expectedMeans, expectedCov);
        long[][] cov = new long[rows][rows];
        long[] means = new long[rows];
        try (TestSysPhoenix sys = new TestSysPhoenix()) {
            int status = new PhoenixPca()
                    .observeResult(data -> {
                        for (int i = 0; i < rows; i++) {
                            means[i] = data.mean(i);
                            for (int j = 0; j < rows; j++) {
                                cov[i][j] = data.cov(i, j);
                            }
                        }
                    })
                    .main(sys, List.of("--rows", "" + rows, "--cols", "" + cols, "--max-value", "" + grid, "--seed", "" + seed));
            assertEquals(0, status, sys.stdout());
            assertTrue(sys.lastLine().contains("size=r70-c45-g1000 "), sys.lastLine());
        }
        assertArrayEquals(expectedMeans, means, "row means");
        for (int i = 0; i < rows; i++) {
            assertArrayEquals(expectedCov[i], cov[i], "covariance row " + i);
        }
    }

    @Test
    void corruptedResultFailsVerification() {
        try (TestSysPhoenix sys = new TestSysPhoenix()) {
            int status = new PhoenixPca().corruptResult().main(sys, List.of("--size", "small"));
            assertEquals(1, status, sys.stdout());
            assertTrue(sys.stdout().contains(" Verification               = UNSUCCESSFUL\n"), sys.stdout());
            assertTrue(sys.lastLine().endsWith(" verified=false"), sys.lastLine());
            assertEquals(0, sys.liveBlocks());
        }
    }

    @Test
    void badArgumentsExitTwoWithOneUsageLine() {
        for (List<String> args : List.of(List.of("--size", "S"), List.of("--class", "A"), List.of("--cols", "1"),
                List.of("--rows", "-3"), List.of("extra"))) {
            try (TestSysPhoenix sys = new TestSysPhoenix()) {
                assertEquals(2, new PhoenixPca().main(sys, args), args.toString());
                assertTrue(sys.stderr().contains("usage: phoenix-pca"), sys.stderr());
                assertEquals(1, sys.stderr().strip().split("\n").length, sys.stderr());
            }
        }
    }

    /** Means and covariances on Java arrays, straight from the definitions (integer division, as Phoenix). */
    private static void reference(int rows, int cols, int grid, long seed, long[] means, long[][] cov) {
        PhoenixRandom random = new PhoenixRandom(seed);
        int[][] m = new int[rows][cols];
        for (int[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextInt(grid);
            }
        }
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int value : m[r]) {
                sum += value;
            }
            means[r] = sum / cols;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                long sum = 0;
                for (int c = 0; c < cols; c++) {
                    sum += (m[i][c] - means[i]) * (m[j][c] - means[j]);
                }
                cov[i][j] = sum / (cols - 1);
            }
        }
    }
}
