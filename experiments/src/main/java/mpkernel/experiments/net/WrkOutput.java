package mpkernel.experiments.net;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code wrk --latency} prints: {@code Requests/sec:   1494.99} and, under
 * {@code Latency Distribution}, lines such as {@code 50%    1.46ms} and {@code 99%  215.07us}
 * (units {@code us}, {@code ms}, {@code s}, {@code m}). A run where any request failed
 * ({@code Non-2xx or 3xx responses}, {@code Socket errors}) is refused: its rate would count
 * errors as answers.
 */
final class WrkOutput {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    private WrkOutput() {
    }

    /** The rate and the latency percentiles in {@code output}. */
    static RequestStats parse(String output) {
        Matcher bad = NON_2XX.matcher(output);
        if (bad.find()) {
            throw new IllegalArgumentException("wrk got " + bad.group(1) + " responses other than 2xx or 3xx");
        }
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            throw new IllegalArgumentException("wrk had socket errors: " + errors.group(1).strip());
        }
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IllegalArgumentException("no Requests/sec line in wrk's output");
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            double millis = millis(Double.parseDouble(p.group(2)), p.group(3));
            if (p.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        if (Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalArgumentException("no latency distribution in wrk's output (was it run with --latency?)");
        }
        return new RequestStats(Double.parseDouble(rate.group(1)), p50, p99);
    }

    private static double millis(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
