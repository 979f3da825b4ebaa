package mpkernel.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultTest {

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

    @Test
    void parsesNamesParametersAndScores() {
        List<JmhResult> rs = JmhResult.parseAll(SAMPLE);
        assertEquals(new JmhResult("GateBench.floor", null, null, 5.5, 0.11, "ns/op", List.of(5.4, 5.6, 5.5, 5.5)), rs.get(0));
        assertEquals(new JmhResult("WriteBytesBench.writeBytes", "mprotect", 4096L, 2120.0, 30.0, "ns/op"), rs.get(1));
        JmhResult malloc = rs.get(2);
        assertEquals(64L, malloc.size(), "malloc's block parameter is its size");
        assertTrue(Double.isNaN(malloc.error()), "JMH writes a missing error as the string NaN");
        assertNull(rs.get(0).backend());
    }

    @Test
    void rejectsWhatIsNotAResultArray() {
        assertThrows(IllegalArgumentException.class, () -> JmhResult.parseAll("{}"));
        assertThrows(IllegalArgumentException.class, () -> JmhResult.parseAll("[{\"primaryMetric\": {}}]"));
    }
}
