package mpkernel.results;

import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's JSON result: which benchmark, with which parameters, and its score.
 *
 * @param benchmark the fully qualified benchmark method, e.g. {@code mpkernel.bench.GateBench.roundTrip}
 * @param params its JMH parameters, e.g. {@code backend=mprotect, size=4096}; empty when it has none
 * @param score the primary metric
 * @param error JMH's error (half-width of its 99.9% interval), in the score's unit; NaN when JMH
 *     had too few iterations
 * @param unit the score's unit, e.g. {@code ns/op}
 * @param samples every measured iteration's score (JMH's {@code rawData}, all forks in turn);
 *     empty when the file has none
 */
public record JmhResult(String benchmark, Map<String, String> params, double score, double error, String unit, List<Double> samples) {

    /** The unit of {@link #inNanos()}. */
    public static final String NANOS = "ns/op";

    public JmhResult {
        params = Map.copyOf(params);
        samples = List.copyOf(samples);
    }

    /** A parameter's value, or {@code null}. */
    public String param(String name) {
        return params.get(name);
    }

    /** The {@code backend} parameter, or {@code null} for benchmarks without one (the floor). */
    public String backend() {
        return param("backend");
    }

    /**
     * The bytes one operation works on: the {@code size} parameter ({@code write_bytes}), the
     * {@code block} parameter ({@code malloc}) or the {@code region} parameter (the key cache's
     * region per domain); {@code null} when there is none or it is no whole number.
     */
    public Long size() {
        String v = param("size") != null ? param("size") : param("block") != null ? param("block") : param("region");
        try {
            return v == null ? null : Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The benchmark as {@code Class.method}, without its package. */
    public String shortName() {
        return shortName(benchmark);
    }

    /** {@code Class.method} of a fully qualified benchmark name. */
    public static String shortName(String benchmark) {
        String[] p = benchmark.split("\\.");
        return p.length >= 2 ? p[p.length - 2] + "." + p[p.length - 1] : benchmark;
    }

    /**
     * The same result in nanoseconds per operation, whatever mode and unit JMH reported: time
     * units per operation ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op},
     * {@code min/op}) are scaled, throughput ({@code ops/ns} ...) is inverted (each iteration on
     * its own, the error relative to the score).
     *
     * @throws IllegalArgumentException for a unit that is neither
     */
    public JmhResult inNanos() {
        String[] parts = unit.trim().replace("µ", "u").split("/");
        if (parts.length == 2 && parts[1].equals("op")) {
            double f = nanos(parts[0]);
            return new JmhResult(benchmark, params, score * f, error * f, NANOS, samples.stream().map(x -> x * f).toList());
        }
        if (parts.length == 2 && parts[0].equals("ops")) {
            double f = nanos(parts[1]);
            double ns = f / score;
            return new JmhResult(benchmark, params, ns, ns * error / score, NANOS, samples.stream().map(x -> f / x).toList());
        }
        throw unknownUnit();
    }

    private double nanos(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw unknownUnit();
        };
    }

    private IllegalArgumentException unknownUnit() {
        return new IllegalArgumentException("unknown JMH unit '" + unit + "'");
    }
}
