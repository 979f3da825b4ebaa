package mpkernel.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench file: JMH's JSON kept verbatim beside its provenance, and the one reader of JMH's results. */
class BenchFileTest {

    /** A trimmed JMH 1.37 result array: a benchmark without parameters, one with two, one with too few samples. */
    static final String SAMPLE = """
            [
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "mpkernel.bench.GateBench.floor",
                    "mode" : "avgt",
                    "forks" : 2,
                    "primaryMetric" : { "score" : 5.5, "scoreError" : 0.11, "scoreConfidence" : [ 5.39, 5.61 ], "scoreUnit" : "ns/op",
                                        "rawData" : [ [ 5.4, 5.6 ], [ 5.5, 5.5 ] ] },
                    "secondaryMetrics" : { }
                },
                {
                    "benchmark" : "mpkernel.bench.WriteBytesBench.writeBytes",
                    "params" : { "backend" : "mprotect", "size" : "4096" },
                    "primaryMetric" : { "score" : 2120.0, "scoreError" : 30.0, "scoreUnit" : "ns/op" }
                },
                {
                    "benchmark" : "mpkernel.bench.MallocBench.mallocFree",
                    "params" : { "backend" : "none", "block" : "64" },
                    "primaryMetric" : { "score" : 80.0, "scoreError" : "NaN", "scoreUnit" : "ns/op" }
                }
            ]
            """;

    @TempDir
    Path dir;

    @Test
    void wrapsJmhJsonInProvenanceAndLeavesNoTemporaryFile() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("backend", "none,mpk-dry,mprotect");
        fields.put("command", "./mpk bench 'Gate\"x' --quick");
        Path target = dir.resolve("results/bench-1.json");
        BenchFile.write(target, new Provenance(fields), SAMPLE);
        BenchFile.write(target, new Provenance(fields), SAMPLE); // replaces

        String text = Files.readString(target);
        assertTrue(text.startsWith("""
                {
                  "provenance": {
                    "backend": "none,mpk-dry,mprotect",
                    "command": "./mpk bench 'Gate\\"x' --quick"
                  },
                  "jmh": [
                    {
                        "jmhVersion" : "1.37",
                """), text);
        assertTrue(text.endsWith("    }\n]\n}\n"), "JMH's array as JMH wrote it");
        BenchFile back = BenchFile.read(target);
        assertEquals(fields, back.provenance().fields());
        assertEquals(3, back.results().size());
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void readsNamesParametersScoresAndIterations() throws Exception {
        List<JmhResult> rs = BenchFile.read(Files.writeString(dir.resolve("jmh.json"), SAMPLE)).results();
        assertEquals(new JmhResult("mpkernel.bench.GateBench.floor", Map.of(), 5.5, 0.11, "ns/op", List.of(5.4, 5.6, 5.5, 5.5)), rs.get(0));
        assertEquals(new JmhResult("mpkernel.bench.WriteBytesBench.writeBytes", Map.of("backend", "mprotect", "size", "4096"), 2120.0, 30.0,
                "ns/op", List.of()), rs.get(1));
        JmhResult malloc = rs.get(2);
        assertEquals(64L, malloc.size(), "malloc's block parameter is its size");
        assertTrue(Double.isNaN(malloc.error()), "JMH writes a missing error as the string NaN");
    }

    @Test
    void aBareJmhArrayHasNoProvenance() throws Exception {
        BenchFile bare = BenchFile.read(Files.writeString(dir.resolve("jmh.json"), SAMPLE));
        assertEquals(Provenance.NONE, bare.provenance());
        assertEquals("unknown", bare.provenance().commit());
    }

    @Test
    void whatIsNotAResultIsOneLineNamingTheField() throws Exception {
        assertMessage("{}", "no \"jmh\"");
        assertMessage("[{\"primaryMetric\": {}}]", "no \"[0].benchmark\"");
        assertMessage("{\"jmh\": [{\"benchmark\": \"b\", \"primaryMetric\": {\"score\": \"fast\", \"scoreUnit\": \"ns/op\"}}]}",
                "\"jmh[0].primaryMetric.score\" is not a number");
        assertMessage("{\"jmh\": [{\"benchmark\": \"b\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"furlongs\"}}]}",
                "\"jmh[0].primaryMetric.scoreUnit\": unknown JMH unit 'furlongs'");
        assertMessage("\"text\"", "not a bench result file (neither an object nor JMH's array)");
        assertMessage("[1,", "not a bench result file (not JSON: ");
    }

    private void assertMessage(String json, String why) throws Exception {
        Path file = Files.writeString(dir.resolve("bench-x.json"), json);
        BadResultFile e = assertThrows(BadResultFile.class, () -> BenchFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + why), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
