package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link Linpack} through {@link TestSys}; checks its routines against a plain elimination. */
class LinpackTest {

    @Test
    void smallSizeVerifiesAndReports() {
        BenchRun run = BenchRun.of(new Linpack(), "--size", "small");
        run.assertResult("linpack", "small", true);
        assertTrue(run.out().contains(" Verification           = SUCCESSFUL\n"), run.out());
        assertTrue(run.out().contains("     norm. resid      resid           machep         x(1)-1        x(n)-1\n"),
                run.out());
        assertEquals(1, run.writes(), "the report is one write");
    }

    @Test
    void customOrderIsLabelled() {
        BenchRun.of(new Linpack(), "--n", "37", "--seed", "9").assertResult("linpack", "n37", true);
    }

    @Test
    void solutionMatchesPlainGaussianElimination() {
        int n = 60;
        long seed = 5;
        try (TestSys sys = new TestSys(); BenchMemory memory = new BenchMemory(sys)) {
            LinpackSystem s = LinpackSystem.allocate(memory, n);
            s.generate(seed);
            double[][] a = new double[n][n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = s.get(i, j);
                }
                b[i] = s.b.getAtIndex(JAVA_DOUBLE, i);
            }
            double[] expected = solve(a, b);
            assertEquals(-1, LinpackLu.dgefa(s));
            LinpackLu.dgesl(s);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], s.b.getAtIndex(JAVA_DOUBLE, i), 1e-10, "x[" + i + "]");
                assertEquals(1.0, expected[i], 1e-9, "the exact solution is all ones");
            }
            LinpackResidual.Result check = LinpackResidual.check(s, seed);
            assertTrue(check.passed(), "residn " + check.residn());
        }
    }

    @Test
    void singularMatrixIsReportedByDgefa() {
        try (TestSys sys = new TestSys(); BenchMemory memory = new BenchMemory(sys)) {
            LinpackSystem s = LinpackSystem.allocate(memory, 4);
            s.a.fill((byte) 0);
            assertTrue(LinpackLu.dgefa(s) >= 0);
        }
    }

    @Test
    void corruptedSolutionFailsVerification() {
        // Perturbs the computed solution before the residual check, so that the check must fail.
        Linpack corrupted = new Linpack(ResultHooks.corrupting(
                s -> s.b.setAtIndex(JAVA_DOUBLE, 0, s.b.getAtIndex(JAVA_DOUBLE, 0) + 1e-6)));
        BenchRun run = BenchRun.of(corrupted, "--size", "small");
        run.assertResult("linpack", "small", false);
        assertTrue(run.out().contains(" Verification           = UNSUCCESSFUL\n"), run.out());
    }

    @Test
    void badArgumentsExitTwoWithOneUsageLine() {
        BenchRun.assertUsage(new Linpack(), List.of(List.of("--size", "tiny"), List.of("--n", "0"),
                List.of("--class", "S"), List.of("--n", "1e3")));
    }

    /** Row-oriented Gaussian elimination with partial pivoting on Java arrays (copies its inputs). */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[] b = rhs.clone();
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            double[] row = a[k];
            a[k] = a[p];
            a[p] = row;
            double t = b[k];
            b[k] = b[p];
            b[p] = t;
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= f * a[k][j];
                }
                b[i] -= f * b[k];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= a[i][j] * x[j];
            }
            x[i] = sum / a[i][i];
        }
        return x;
    }
}
