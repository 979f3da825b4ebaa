package mpkernel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a JMH JSON result: which benchmark, with which backend and size, and its score.
 *
 * @param benchmark the benchmark as {@code Class.method}, without the package
 * @param backend the {@code backend} parameter, or {@code null} for benchmarks without one (the floor)
 * @param size the {@code size} (write_bytes, key cache) or {@code block} (malloc) parameter in bytes, the {@code domains}
 *     parameter (the domains in use), or {@code null}
 * @param score the primary metric
 * @param error JMH's 99.9% confidence half-width, {@code NaN} when there were too few samples
 * @param unit the score's unit, e.g. {@code ns/op}
 * @param samples every measured iteration's score, all forks together (JMH's {@code rawData}), empty if absent
 */
record JmhResult(String benchmark, String backend, Long size, double score, double error, String unit, List<Double> samples) {

    JmhResult {
        samples = List.copyOf(samples);
    }

    /** A result without its iterations. */
    JmhResult(String benchmark, String backend, Long size, double score, double error, String unit) {
        this(benchmark, backend, size, score, error, unit, List.of());
    }

    /** Every result in {@code json}, the array JMH writes with {@code -rf json}. */
    static List<JmhResult> parseAll(String json) {
        if (!(Json.parse(json) instanceof List<?> entries)) {
            throw new IllegalArgumentException("a JMH result file holds a JSON array");
        }
        List<JmhResult> out = new ArrayList<>();
        for (Object e : entries) {
            out.add(of(asMap(e, "result")));
        }
        return out;
    }

    private static JmhResult of(Map<?, ?> entry) {
        String name = (String) entry.get("benchmark");
        if (name == null) {
            throw new IllegalArgumentException("a JMH result without a benchmark name");
        }
        Map<?, ?> params = entry.get("params") instanceof Map<?, ?> p ? p : Map.of();
        Map<?, ?> metric = asMap(entry.get("primaryMetric"), "primaryMetric of " + name);
        Object sizeParam = params.get("size") != null ? params.get("size")
                : params.get("block") != null ? params.get("block") : params.get("domains");
        return new JmhResult(shortName(name), (String) params.get("backend"),
                sizeParam == null ? null : Long.valueOf(sizeParam.toString()),
                number(metric.get("score")), number(metric.get("scoreError")), (String) metric.get("scoreUnit"), samples(metric.get("rawData")));
    }

    /** JMH's {@code rawData}, one list per fork, flattened; empty if absent. */
    private static List<Double> samples(Object raw) {
        List<Double> out = new ArrayList<>();
        if (raw instanceof List<?> forks) {
            for (Object fork : forks) {
                if (fork instanceof List<?> iterations) {
                    for (Object v : iterations) {
                        double d = number(v);
                        if (!Double.isNaN(d)) {
                            out.add(d);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code Class.method} of a full benchmark name. */
    static String shortName(String benchmark) {
        String[] p = benchmark.split("\\.");
        return p.length >= 2 ? p[p.length - 2] + "." + p[p.length - 1] : benchmark;
    }

    /** JMH writes non-finite numbers as strings ({@code "NaN"}). */
    private static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            return Double.parseDouble(s);
        }
        return Double.NaN;
    }

    private static Map<?, ?> asMap(Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }
}
