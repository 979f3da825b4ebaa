package mpkernel.figures;

import java.util.List;
import java.util.Map;

/**
 * One JMH result, its score converted to nanoseconds per operation whatever mode and unit JMH
 * reported it in.
 *
 * @param benchmark the fully qualified benchmark method, e.g. {@code mpkernel.bench.GateBench.roundTrip}
 * @param params its JMH parameters, e.g. {@code backend=mprotect, size=4096}; empty when it has none
 * @param ns the score, nanoseconds per operation
 * @param errorNs JMH's error (half-width of its 99.9% interval), nanoseconds; NaN when JMH had too few iterations
 * @param samplesNs every measured iteration's score (JMH's {@code rawData}, all forks in turn),
 *     nanoseconds per operation; empty when the file has none
 */
record JmhScore(String benchmark, Map<String, String> params, double ns, double errorNs, List<Double> samplesNs) {

    JmhScore {
        params = Map.copyOf(params);
        samplesNs = List.copyOf(samplesNs);
    }

    /** A score without iterations. */
    JmhScore(String benchmark, Map<String, String> params, double ns, double errorNs) {
        this(benchmark, params, ns, errorNs, List.of());
    }

    /** A parameter's value, or {@code null}. */
    String param(String name) {
        return params.get(name);
    }

    /**
     * Converts JMH's {@code score ± error} and iterations in {@code unit} to ns/op: time units
     * per operation ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}) directly,
     * throughput ({@code ops/ns} ...) by inversion (each iteration on its own, the error relative
     * to the score).
     *
     * @throws IllegalArgumentException for a unit that is neither
     */
    static JmhScore of(String benchmark, Map<String, String> params, double score, double error, String unit, List<Double> samples) {
        String u = unit.trim().replace("µ", "u");
        String[] parts = u.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unknown JMH unit '" + unit + "'");
        }
        if (parts[1].equals("op")) {
            double f = nanos(parts[0], unit);
            return new JmhScore(benchmark, params, score * f, error * f, samples.stream().map(x -> x * f).toList());
        }
        if (parts[0].equals("ops")) {
            double f = nanos(parts[1], unit);
            double ns = f / score;
            return new JmhScore(benchmark, params, ns, ns * error / score, samples.stream().map(x -> f / x).toList());
        }
        throw new IllegalArgumentException("unknown JMH unit '" + unit + "'");
    }

    /** {@link #of(String, Map, double, double, String, List)} without iterations. */
    static JmhScore of(String benchmark, Map<String, String> params, double score, double error, String unit) {
        return of(benchmark, params, score, error, unit, List.of());
    }

    private static double nanos(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unknown JMH unit '" + unit + "'");
        };
    }
}
