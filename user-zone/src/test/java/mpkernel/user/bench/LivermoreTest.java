package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LivermoreTest {

    /**
     * The embedded table must be exactly the independent reference's checksums. When the kernels,
     * inputs or pass counts change on purpose, the failure message carries the regenerated table.
     */
    @Test
    void embeddedTableIsTheReferenceComputation() {
        double[][] reference = LfkReference.table();
        List<String> differences = new ArrayList<>();
        for (int part = 0; part < LfkParams.PARTS; part++) {
            for (int k = 1; k <= LfkParams.KERNELS; k++) {
                if (Double.doubleToRawLongBits(reference[part][k])
                        != Double.doubleToRawLongBits(LfkExpected.CHECKSUM[part][k])) {
                    differences.add("part " + (part + 1) + " kernel " + k);
                }
            }
        }
        if (!differences.isEmpty()) {
            fail("LfkExpected differs from the reference at " + differences + "; regenerated table:\n"
                    + javaSource(reference));
        }
    }

    /** The program's kernels on user memory give the reference checksums bit for bit, in program order. */
    @Test
    void programKernelsEqualTheReferenceOnArrays() {
        double[][] reference = LfkReference.table();
        try (TestSys sys = new TestSys(); LfkArrays arrays = new LfkArrays(sys)) {
            LfkSetup setup = new LfkSetup(arrays);
            LfkKernels kernels = new LfkKernels(arrays);
            for (int part = 0; part < LfkParams.PARTS; part++) {
                for (int k = 1; k <= LfkParams.KERNELS; k++) {
                    int n = LfkParams.SPAN[part][k];
                    for (int sample = 0; sample < 2; sample++) {
                        setup.prepare(k, n);
                        kernels.run(k, n, LfkParams.passes(part, k));
                    }
                    double checksum = LfkChecksum.of(arrays, k, n);
                    assertEquals(Double.doubleToRawLongBits(reference[part][k]), Double.doubleToRawLongBits(checksum),
                            "part " + (part + 1) + " kernel " + k + ": " + checksum + " vs " + reference[part][k]);
                }
            }
        }
    }

    @Test
    void checksumsAreNotTrivial() {
        double[][] table = LfkExpected.CHECKSUM;
        for (int part = 0; part < LfkParams.PARTS; part++) {
            for (int k = 1; k <= LfkParams.KERNELS; k++) {
                assertTrue(Double.isFinite(table[part][k]) && table[part][k] != 0.0, "part " + part + " kernel " + k);
            }
        }
    }

    @Test
    void smallSizeVerifies() {
        BenchRun run = BenchRun.of(new Livermore(), "--size", "small");
        assertTrue(run.out().contains("Verification: SUCCESSFUL"), run.out());
        assertTrue(run.out().contains("Geometric Mean"), run.out());
        assertTrue(run.out().contains("Overall: parts weighted 1, 2, 1"), run.out());
        run.assertResult("livermore", "small", true);
        assertTrue(run.writes() <= 3, "report written in few calls: " + run.writes());
    }

    @Test
    void moreSamplesGiveTheSameChecksums() {
        BenchRun run = BenchRun.of(new Livermore(), "--samples", "3", "--warmup", "1");
        run.assertResult("livermore", "custom", true);
    }

    @Test
    void wrongReferenceChecksumFailsVerification() {
        Livermore corrupted = new Livermore(table -> {
            table[1][7] = table[1][7] * (1.0 + 1e-9);
            return table;
        }, false);
        BenchRun run = BenchRun.of(corrupted, "--size", "small");
        assertTrue(run.out().contains("FAIL (expected"), run.out());
        assertTrue(run.out().contains("Verification: FAILED"), run.out());
        run.assertResult("livermore", "small", false);
    }

    @Test
    void theClockIsReadOncePerKernelNotPerSample() {
        int three = BenchRun.of(new Livermore(), "--samples", "3", "--warmup", "0").clockReads();
        int six = BenchRun.of(new Livermore(), "--samples", "6", "--warmup", "0").clockReads();
        assertEquals(three, six, "batched: independent of the number of samples");
        assertTrue(three <= 4 * 72 + 4, "four readings per kernel and part: " + three);
        BenchRun perSample = BenchRun.of(new LivermoreSamples(), "--samples", "3", "--warmup", "0");
        perSample.assertResult("livermore-samples", "custom", true);
        assertEquals(2 * 72 * 3, BenchRun.of(new LivermoreSamples(), "--samples", "6", "--warmup", "0").clockReads()
                - perSample.clockReads(), "two readings per sample");
    }

    @Test
    void digitsGradeAgreement() {
        assertEquals(16, LfkCheck.digits(1.5, 1.5));
        assertEquals(0, LfkCheck.digits(1.5, -1.5));
        assertEquals(9, LfkCheck.digits(1.0, 1.0 + 1e-9));
        assertTrue(LfkCheck.passes(1.0, 1.0 + 1e-13));
    }

    @Test
    void badArgumentsGiveUsage() {
        BenchRun.of(new Livermore(), "--class", "A").assertUsage("livermore");
        BenchRun.of(new Livermore(), "--samples", "0").assertUsage("livermore");
        BenchRun.of(new Livermore(), "--size=tiny").assertUsage("livermore");
    }

    private static String javaSource(double[][] table) {
        StringBuilder s = new StringBuilder("    static final double[][] CHECKSUM = {\n");
        for (double[] row : table) {
            s.append("        {0.0,\n");
            for (int k = 1; k < row.length; k++) {
                s.append(String.format(Locale.ROOT, "            %s,%n", Double.toString(row[k])));
            }
            s.append("        },\n");
        }
        return s.append("    };\n").toString();
    }
}
