package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link PhoenixPca} through {@link TestSys} and compares every entry with a plain reference. */
class PhoenixPcaTest {

    @Test
    void smallSizeVerifiesAndReports() {
        BenchRun run = BenchRun.of(new PhoenixPca(), "--size", "small");
        run.assertResult("phoenix-pca", "small", true);
        assertTrue(run.out().contains(" Verification               = SUCCESSFUL\n"), run.out());
        assertEquals(1, run.writes(), "the report is one write");
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
        PhoenixPca program = new PhoenixPca(ResultHooks.observing(data -> {
            for (int i = 0; i < rows; i++) {
                means[i] = data.mean(i);
                for (int j = 0; j < rows; j++) {
                    cov[i][j] = data.cov(i, j);
                }
            }
        }));
        BenchRun.of(program, "--rows", "" + rows, "--cols", "" + cols, "--max-value", "" + grid, "--seed", "" + seed)
                .assertResult("phoenix-pca", "r70-c45-g1000", true);
        assertArrayEquals(expectedMeans, means, "row means");
        for (int i = 0; i < rows; i++) {
            assertArrayEquals(expectedCov[i], cov[i], "covariance row " + i);
        }
    }

    @Test
    void corruptedResultFailsVerification() {
        // Changes one covariance entry after the computation, so that the self-check must fail.
        PhoenixPca corrupted = new PhoenixPca(ResultHooks.corrupting(
                data -> data.setCov(data.rows - 1, 0, data.cov(data.rows - 1, 0) + 1)));
        BenchRun run = BenchRun.of(corrupted, "--size", "small");
        run.assertResult("phoenix-pca", "small", false);
        assertTrue(run.out().contains(" Verification               = UNSUCCESSFUL\n"), run.out());
    }

    @Test
    void badArgumentsExitTwoWithOneUsageLine() {
        BenchRun.assertUsage(new PhoenixPca(), List.of(List.of("--size", "S"), List.of("--class", "A"),
                List.of("--cols", "1"), List.of("--rows", "-3"), List.of("extra")));
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
