package mpkernel.experiments.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import mpkernel.isolation.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment loop with a scripted fork runner, and its result files read back. */
class OverheadReportTest {

    @TempDir
    Path dir;

    private final Map<String, String> provenance = new LinkedHashMap<>(Map.of("backend", "mprotect", "cpu", "test cpu"));

    @Test
    void counterbalancesBuildsWritesAfterEachBenchmarkAndReadsBack() throws Exception {
        List<String> order = new ArrayList<>();
        OverheadExperiment.Settings settings = new OverheadExperiment.Settings(Backend.MPROTECT, 3, 1, 2, 0.01, true,
                List.of(Benchmark.named("npb-ep").orElseThrow(), Benchmark.named("linpack").orElseThrow()));
        OverheadExperiment.ForkRunner scripted = (backend, warmups, measured, program, args) -> {
            order.add(program + ":" + backend.cliName());
            double t = backend == Backend.NONE ? 1.0 : 1.1;
            List<Iteration> its = new ArrayList<>();
            its.add(new Iteration(true, 9.9, true, 5, 5, 9.9));
            its.add(new Iteration(false, t, true, 100, 10, 2.0));
            its.add(new Iteration(false, t, true, 100, 10, 2.0));
            return its;
        };
        OverheadReport report = new OverheadReport(provenance, settings, new Projection(6.0, 11, 260, 2.6));
        Path base = dir.resolve("overhead-mprotect-test");
        List<Integer> written = new ArrayList<>();
        List<BenchmarkResult> results = new OverheadExperiment(settings, scripted, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run(partial -> {
                    written.add(partial.size());
                    try {
                        report.write(base, partial, false);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertEquals(List.of("npb-ep:none", "npb-ep:mprotect", "npb-ep:mprotect", "npb-ep:none", "npb-ep:none", "npb-ep:mprotect"),
                order.subList(0, 6), "ABBA: neither build always runs first");
        assertEquals(List.of(1, 2), written, "files rewritten after every benchmark");
        report.write(base, results, true);

        List<String> csv = Files.readAllLines(dir.resolve("overhead-mprotect-test.csv"));
        assertTrue(csv.contains("# cpu: test cpu"));
        assertTrue(csv.contains("# complete: true"));
        List<String> rows = csv.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(String.join(",", OverheadReport.COLUMNS), rows.get(0));
        String[] ep = rows.get(1).split(",", -1);
        assertEquals(OverheadReport.COLUMNS.size(), ep.length);
        assertEquals("npb-ep", ep[0]);
        assertEquals(0.1, Double.parseDouble(ep[4]), 1e-9, "slowdown column");
        assertEquals("SLOWER", ep[9]);
        assertEquals("3", ep[10], "pairs");
        assertEquals("true", ep[11]);
        assertEquals(110.0, Double.parseDouble(ep[12]) + Double.parseDouble(ep[13]), 1e-9, "crossings per run, warm-up excluded");
        assertTrue(csv.contains("# order: ABBA, pairs: 3, margin: 0.01"), String.join("\n", csv));

        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("overhead-mprotect-test.json"))).getAsJsonObject();
        assertTrue(json.get("complete").getAsBoolean());
        assertEquals("test cpu", json.getAsJsonObject("provenance").get("cpu").getAsString());
        assertEquals(0.1, json.getAsJsonObject("suite").get("slowdown").getAsDouble(), 1e-9);
        assertEquals("ABBA", json.getAsJsonObject("settings").get("order").getAsString());
        assertEquals(12, json.getAsJsonArray("forks").size());
        JsonObject first = json.getAsJsonArray("forks").get(0).getAsJsonObject();
        assertEquals(2, first.getAsJsonArray("measuredSeconds").size(), "raw iterations kept");
        assertEquals(1, first.getAsJsonArray("warmupSeconds").size());
        assertTrue(json.getAsJsonObject("projection").get("note").getAsString().startsWith("PROJECTED"));
        assertTrue(report.table(results).contains("PROJECTED mpk"));
    }

    @Test
    void aFailedForkLeavesTheBenchmarkUnmeasuredNotWrong() {
        OverheadExperiment.Settings settings = new OverheadExperiment.Settings(Backend.MPROTECT, 2, 0, 1, 0.01, true,
                List.of(Benchmark.named("npb-cg").orElseThrow()));
        OverheadExperiment.ForkRunner failing = (backend, w, m, program, args) -> {
            if (backend == Backend.MPROTECT) {
                throw new OverheadExperiment.ForkFailedException("the JVM crashed");
            }
            return List.of(new Iteration(false, 1.0, true, 0, 0, 1.0));
        };
        List<BenchmarkResult> r = new OverheadExperiment(settings, failing, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run(x -> { });
        assertTrue(!r.getFirst().verified());
        assertTrue(r.getFirst().failure().contains("crashed"));
        OverheadReport report = new OverheadReport(provenance, settings, null);
        assertTrue(report.table(r).contains("NOT VERIFIED"));
        assertTrue(report.csv(r, true).lines().anyMatch(l -> l.startsWith("npb-cg,") && l.contains(",false,")));
    }
}
