package mpkernel.results;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What one JMH result says of itself: its short name, backend and size, and its score in ns/op. */
class JmhResultTest {

    private static JmhResult result(Map<String, String> params, double score, double error, String unit, List<Double> samples) {
        return new JmhResult("mpkernel.bench.WriteBytesBench.writeBytes", params, score, error, unit, samples);
    }

    @Test
    void namesAndParameters() {
        JmhResult write = result(Map.of("backend", "mprotect", "size", "4096"), 1, 0, "ns/op", List.of());
        assertEquals("WriteBytesBench.writeBytes", write.shortName());
        assertEquals("mprotect", write.backend());
        assertEquals(4096L, write.size());
        assertEquals(64L, result(Map.of("backend", "none", "block", "64"), 1, 0, "ns/op", List.of()).size(), "malloc's block is its size");
        JmhResult floor = new JmhResult("mpkernel.bench.GateBench.floor", Map.of(), 1, 0, "ns/op", List.of());
        assertNull(floor.backend());
        assertNull(floor.size());
        assertNull(result(Map.of("size", "big"), 1, 0, "ns/op", List.of()).size(), "no whole number, no size");
        assertEquals("floor", JmhResult.shortName("floor"));
    }

    @Test
    void unitsBecomeNanosecondsPerOperation() {
        assertEquals(2500, result(Map.of(), 2.5, 0.1, "us/op", List.of()).inNanos().score(), 1e-9);
        assertEquals(100, result(Map.of(), 2.5, 0.1, "us/op", List.of()).inNanos().error(), 1e-9);
        assertEquals(2500, result(Map.of(), 2.5, 0.1, "µs/op", List.of()).inNanos().score(), 1e-9);
        assertEquals(250, result(Map.of(), 4, 0.4, "ops/us", List.of()).inNanos().score(), 1e-9);
        assertEquals(25, result(Map.of(), 4, 0.4, "ops/us", List.of()).inNanos().error(), 1e-9);
        assertEquals(List.of(500.0, 250.0), result(Map.of(), 3, 0.4, "ops/us", List.of(2.0, 4.0)).inNanos().samples());
        assertEquals(List.of(2000.0, 4000.0), result(Map.of(), 3, 0.4, "us/op", List.of(2.0, 4.0)).inNanos().samples());
        assertEquals("ns/op", result(Map.of(), 3, 0.4, "s/op", List.of()).inNanos().unit());
        assertThrows(IllegalArgumentException.class, () -> result(Map.of(), 1, 0, "furlongs", List.of()).inNanos());
        assertThrows(IllegalArgumentException.class, () -> result(Map.of(), 1, 0, "B/op", List.of()).inNanos());
    }
}
