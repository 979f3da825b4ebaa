package mpkernel.experiments.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code redis-benchmark --csv} (version 7) prints: a header line
 * {@code "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"}
 * and one quoted line per test ({@code "GET","65789.48",...}). Columns are found by their
 * header names, so a version that adds or moves columns still reads; warnings on other lines
 * (it prints one when the server does not answer {@code CONFIG GET}) are passed over.
 */
final class RedisBenchmarkOutput {

    private RedisBenchmarkOutput() {
    }

    /** The tests in {@code output}, by name as printed ({@code GET}, {@code SET}). */
    static Map<String, RequestStats> parse(String output) {
        List<String> header = null;
        Map<String, RequestStats> tests = new LinkedHashMap<>();
        for (String line : output.split("\r?\n")) {
            if (!line.startsWith("\"")) {
                continue;
            }
            List<String> cells = List.of(line.replace("\"", "").split(","));
            if (header == null) {
                if (!cells.contains("rps")) {
                    continue;
                }
                header = cells;
                continue;
            }
            tests.put(cells.get(0), new RequestStats(cell(header, cells, "rps"), cell(header, cells, "p50_latency_ms"),
                    cell(header, cells, "p99_latency_ms")));
        }
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no test results in redis-benchmark's output: "
                    + output.strip().lines().findFirst().orElse("(empty)"));
        }
        return tests;
    }

    private static double cell(List<String> header, List<String> cells, String column) {
        int i = header.indexOf(column);
        if (i < 0 || i >= cells.size()) {
            throw new IllegalArgumentException("redis-benchmark's output has no " + column + " column");
        }
        return Double.parseDouble(cells.get(i));
    }
}
