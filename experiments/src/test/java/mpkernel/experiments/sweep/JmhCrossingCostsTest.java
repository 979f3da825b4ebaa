package mpkernel.experiments.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep's crossing is a system call, so JMH's null system call (its added time over
 * {@code none}) is what it is held against; the gate round trip only where no null system call
 * was measured. With the round trip, mprotect's sweep cost looked 10x off (its system call gate
 * re-protects the whole safe kernel, a bare round trip does not).
 */
class JmhCrossingCostsTest {

    private static String entry(String bench, String backend, double score) {
        return """
                {"benchmark": "mpkernel.bench.%s", "mode": "avgt", "params": {"backend": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ns/op"}}""".formatted(bench, backend, score);
    }

    private static Path bench(Path dir, String... entries) throws Exception {
        Path f = dir.resolve("bench-20261130-011059.json");
        Files.writeString(f, "{\"provenance\": {\"commit\": \"abc\"}, \"jmh\": [" + String.join(",", entries) + "]}");
        return f;
    }

    @Test
    void aNullSystemCallIsPreferredToTheRoundTrip(@TempDir Path dir) throws Exception {
        bench(dir, entry("GateBench.roundTrip", "mprotect", 5721.4), entry("NullSyscallBench.getpid", "none", 0.5),
                entry("NullSyscallBench.getpid", "mprotect", 61767.5), entry("GateBench.roundTrip", "mpk-dry", 6.2));
        JmhCrossingCosts j = JmhCrossingCosts.of(dir, "abc").orElseThrow();
        assertEquals(61767.0, j.nanos().get("mprotect"), 1e-9);
        assertEquals(JmhCrossingCosts.SYSCALL, j.kind("mprotect"));
        assertEquals(6.2, j.nanos().get("mpk-dry"), 1e-9);
        assertEquals(JmhCrossingCosts.ROUND_TRIP, j.kind("mpk-dry"));

        SweepReport report = new SweepReport(java.util.Map.of(), SweepPlan.of(java.util.List.of(mpkernel.isolation.Backend.MPROTECT),
                "spmv", "clock", 5, false), Optional.of(j), 0.01);
        CrossingCost cost = new CrossingCost(58139.4, 57550.7, 58728.1, 0.99, 40);
        assertTrue(report.verdict(mpkernel.isolation.Backend.MPROTECT, cost).contains("the JMH null system call 61767.0 ns: agrees within 2x"),
                report.verdict(mpkernel.isolation.Backend.MPROTECT, cost));
    }

    @Test
    void anotherCommitsBenchFileIsNotUsed(@TempDir Path dir) throws Exception {
        bench(dir, entry("GateBench.roundTrip", "mprotect", 5721.4));
        assertTrue(JmhCrossingCosts.of(dir, "def").isEmpty());
    }
}
