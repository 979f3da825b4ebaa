package mpkernel.experiments.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The parsers of {@code redis-benchmark --csv} and {@code wrk --latency}, on output captured
 * from the versions installed here (redis-benchmark 7.0.15, wrk 4.1.0) against real servers.
 */
class LoadGeneratorOutputTest {

    @Test
    void redisBenchmarkCsvGivesRateAndPercentilesPerTest() throws IOException {
        Map<String, RequestStats> tests = RedisBenchmarkOutput.parse(sample("redis-benchmark-7.0.15-P1.csv"));
        assertEquals(java.util.List.of("SET", "GET"), java.util.List.copyOf(tests.keySet()));
        assertEquals(new RequestStats(24691.36, 0.935, 13.047), tests.get("SET"));
        assertEquals(new RequestStats(28169.01, 0.839, 14.527), tests.get("GET"));
    }

    @Test
    void redisBenchmarkWarningLinesArePassedOver() throws IOException {
        String out = sample("redis-benchmark-7.0.15-P16-with-warning.txt");
        assertTrue(out.startsWith("WARNING"), "the sample holds the warning a server without CONFIG GET causes");
        Map<String, RequestStats> tests = RedisBenchmarkOutput.parse(out);
        assertEquals(new RequestStats(50000.00, 18.751, 20.159), tests.get("GET"));
        assertEquals(58823.53, tests.get("SET").perSecond());
    }

    @Test
    void redisBenchmarkWithoutResultsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisBenchmarkOutput.parse("Could not connect to Redis at 10.77.0.2:6379: Connection refused\n"));
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void wrkLatencyInMillisecondsAndMicroseconds() throws IOException {
        assertEquals(new RequestStats(1494.99, 1.46, 77.58), WrkOutput.parse(sample("wrk-4.1-latency-ms.txt")));
        RequestStats us = WrkOutput.parse(sample("wrk-4.1-latency-us.txt"));
        assertEquals(1083.24, us.perSecond());
        assertEquals(0.535, us.p50Millis(), 1e-12, "535.00us is 0.535 ms");
        assertEquals(4.97, us.p99Millis());
    }

    @Test
    void wrkRunWithErrorResponsesIsRefused() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse(sample("wrk-4.1-not-found.txt")));
        assertTrue(e.getMessage().contains("1294 responses other than 2xx or 3xx"), e.getMessage());
    }

    @Test
    void wrkWithoutLatencyDistributionIsRefused() throws IOException {
        String cut = sample("wrk-4.1-latency-ms.txt").replaceAll("(?s)  Latency Distribution.*?99%[^\n]*\n", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse(cut));
        assertTrue(e.getMessage().contains("--latency"), e.getMessage());
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = LoadGeneratorOutputTest.class.getResourceAsStream("/netbench/" + name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
