package mpkernel.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import mpkernel.results.BenchFile;
import mpkernel.results.JmhResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark pipeline end to end at its smallest: JMH in a child JVM on the kernel's jars,
 * one benchmark (a null system call on a booted kernel, in one forked JVM on the kernel's own
 * kind of thread), one 100 ms iteration, and the JSON it wrote read back.
 */
class BenchSmokeTest {

    @Test
    void oneShortIterationOfOneBenchmarkYieldsParsableJson(@TempDir Path dir) throws Exception {
        JmhPlan smoke = new JmhPlan("NullSyscallBench.getpid", 1, 0, 100, 1, 100, Map.of("backend", List.of("none")));
        Path json = dir.resolve("jmh.json");
        Path log = dir.resolve("jmh.log");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int rc = JmhProcess.run(smoke, json, log, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertEquals(0, rc, Files.readString(log));
        List<JmhResult> results = BenchFile.read(json).results();
        assertEquals(1, results.size(), results.toString());
        JmhResult r = results.getFirst();
        assertEquals("NullSyscallBench.getpid", r.shortName());
        assertEquals("none", r.backend());
        assertEquals("ns/op", r.unit());
        assertTrue(r.score() > 0 && Double.isFinite(r.score()), r.toString());
        String line = progress.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("\\[ *\\d+%] NullSyscallBench\\.getpid \\(backend = none\\): [0-9.]+ ns/op"), line);
        assertTrue(Files.readString(log).contains("-Djmh.executor.class=mpkernel.bench.DomainThreadPool"),
                "the fork ran on kernel threads");
    }
}
