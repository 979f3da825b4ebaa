package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link PhoenixKmeans} through {@link TestSys} and compares it with a plain reference. */
class PhoenixKmeansTest {

    @Test
    void smallSizeVerifiesAndReports() {
        BenchRun run = BenchRun.of(new PhoenixKmeans(), "--size", "small");
        run.assertResult("phoenix-kmeans", "small", true);
        assertTrue(run.out().contains(" Verification           = SUCCESSFUL\n"), run.out());
        assertEquals(1, run.writes(), "the report is one write");
    }

    @Test
    void resultEqualsPlainReference() {
        int n = 3_000;
        int d = 4;
        int k = 12;
        int grid = 500;
        long seed = 42;
        Reference expected = Reference.run(n, d, k, grid, seed);
        int[][] means = new int[k][d];
        int[] membership = new int[n];
        PhoenixKmeans program = new PhoenixKmeans(ResultHooks.observing(data -> {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    means[c][j] = data.mean(c, j);
                }
            }
            for (int i = 0; i < n; i++) {
                membership[i] = data.clusterOf(i);
            }
        }));
        BenchRun run = BenchRun.of(program, "--points", "" + n, "--dims", "" + d, "--clusters", "" + k,
                "--max-value", "" + grid, "--seed", "" + seed);
        run.assertResult("phoenix-kmeans", "p3000-d4-k12-g500", true);
        assertTrue(run.out().contains(" Iterations             = " + expected.passes + "\n"), run.out());
        assertArrayEquals(expected.membership, membership, "cluster of every point");
        for (int c = 0; c < k; c++) {
            assertArrayEquals(expected.means[c], means[c], "mean " + c);
        }
    }

    @Test
    void corruptedResultFailsVerification() {
        // Shifts one mean after convergence, so that the fixed-point check must fail.
        PhoenixKmeans corrupted = new PhoenixKmeans(ResultHooks.corrupting(data -> {
            int c = Math.max(data.clusterOf(0), 0);
            data.means.setAtIndex(JAVA_INT, (long) c * data.d, data.mean(c, 0) + 1);
        }));
        BenchRun run = BenchRun.of(corrupted, "--size", "small");
        run.assertResult("phoenix-kmeans", "small", false);
        assertTrue(run.out().contains(" Verification           = UNSUCCESSFUL\n"), run.out());
    }

    @Test
    void badArgumentsExitTwoWithOneUsageLine() {
        BenchRun.assertUsage(new PhoenixKmeans(), List.of(List.of("--size", "huge"), List.of("--bogus", "1"),
                List.of("--points"), List.of("--points", "x"), List.of("--clusters", "0")));
    }

    /** A straightforward k-means on Java arrays, written from the specification alone. */
    private static final class Reference {
        final int[][] means;
        final int[] membership;
        final int passes;

        private Reference(int[][] means, int[] membership, int passes) {
            this.means = means;
            this.membership = membership;
            this.passes = passes;
        }

        static Reference run(int n, int d, int k, int grid, long seed) {
            PhoenixRandom random = new PhoenixRandom(seed);
            int[][] points = new int[n][d];
            for (int[] point : points) {
                for (int j = 0; j < d; j++) {
                    point[j] = random.nextInt(grid);
                }
            }
            int[][] means = new int[k][d];
            for (int[] mean : means) {
                for (int j = 0; j < d; j++) {
                    mean[j] = random.nextInt(grid);
                }
            }
            int[] membership = new int[n];
            java.util.Arrays.fill(membership, -1);
            int passes = 0;
            boolean changed = true;
            while (changed) {
                changed = false;
                passes++;
                for (int i = 0; i < n; i++) {
                    int best = -1;
                    long bestDistance = 0;
                    for (int c = 0; c < k; c++) {
                        long dist = 0;
                        for (int j = 0; j < d; j++) {
                            long diff = points[i][j] - means[c][j];
                            dist += diff * diff;
                        }
                        if (best < 0 || dist < bestDistance) {
                            best = c;
                            bestDistance = dist;
                        }
                    }
                    if (membership[i] != best) {
                        membership[i] = best;
                        changed = true;
                    }
                }
                for (int c = 0; c < k; c++) {
                    long[] sum = new long[d];
                    int count = 0;
                    for (int i = 0; i < n; i++) {
                        if (membership[i] == c) {
                            count++;
                            for (int j = 0; j < d; j++) {
                                sum[j] += points[i][j];
                            }
                        }
                    }
                    if (count > 0) {
                        for (int j = 0; j < d; j++) {
                            means[c][j] = (int) (sum[j] / count);
                        }
                    }
                }
            }
            return new Reference(means, membership, passes);
        }
    }
}
