package mpkernel.figures;

import java.util.Map;

/**
 * One JMH result, its score converted to nanoseconds per operation whatever mode and unit JMH
 * reported it in.
 *
 * @param benchmark the fully qualified benchmark method, e.g. {@code mpkernel.bench.GateBench.roundTrip}
 * @param params its JMH parameters, e.g. {@code backend=mprotect, size=4096}; empty when it has none
 * @param ns the score, nanoseconds per operation
 * @param errorNs JMH's error (half-width of its 99.9% interval), nanoseconds; NaN when JMH had too few iterations
 */
record JmhScore(String benchmark, Map<String, String> params, double ns, double errorNs) {

    JmhScore {
        params = Map.copyOf(params);
    }

    /** A parameter's value, or {@code null}. */
    String param(String name) {
        return params.get(name);
    }

    /**
     * Converts JMH's {@code score ± error} in {@code unit} to ns/op: time units per operation
     * ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}) directly, throughput
     * ({@code ops/ns} ...) by inversion, its error relative to the score.
     *
     * @throws IllegalArgumentException for a unit that is neither
     */
    static JmhScore of(String benchmark, Map<String, String> params, double score, double error, String unit) {
        String u = unit.trim().replace("µ", "u");
        String[] parts = u.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unknown JMH unit '" + unit + "'");
        }
        double ns;
        double err;
        if (parts[1].equals("op")) {
            double f = nanos(parts[0], unit);
            ns = score * f;
            err = error * f;
        } else if (parts[0].equals("ops")) {
            double f = nanos(parts[1], unit);
            ns = f / score;
            err = ns * error / score;
        } else {
            throw new IllegalArgumentException("unknown JMH unit '" + unit + "'");
        }
        return new JmhScore(benchmark, params, ns, err);
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
