package mpkernel.experiments.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw numbers of a netbench run: per metric ({@code stream 1024}, {@code redis GET P1}, ...)
 * and backend, one value per repetition (NaN where that repetition failed or has not run yet),
 * and for request metrics the latency percentiles beside the rate. Failures are kept as one
 * line each, for the report.
 */
public final class Observations {

    /** One metric on one backend: a value per repetition. */
    static final class Series {
        final double[] rate;
        final double[] p50;
        final double[] p99;

        Series(int reps) {
            rate = nans(reps);
            p50 = nans(reps);
            p99 = nans(reps);
        }

        List<Double> rates() {
            return Arrays.stream(rate).boxed().toList();
        }

        private static double[] nans(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }

    private final int reps;
    private final Map<String, Map<String, Series>> metrics = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    Observations(int reps) {
        this.reps = reps;
    }

    /** The stream metric of message size {@code size}. */
    static String stream(int size) {
        return "stream " + size;
    }

    synchronized void rate(String metric, String backend, int rep, double value) {
        series(metric, backend).rate[rep] = value;
    }

    synchronized void request(String metric, String backend, int rep, RequestStats s) {
        Series x = series(metric, backend);
        x.rate[rep] = s.perSecond();
        x.p50[rep] = s.p50Millis();
        x.p99[rep] = s.p99Millis();
    }

    synchronized void failed(String line) {
        failures.add(line);
    }

    /** The series of {@code metric} on {@code backend}, empty (all NaN) if nothing was recorded. */
    synchronized Series get(String metric, String backend) {
        return metrics.getOrDefault(metric, Map.of()).getOrDefault(backend, new Series(reps));
    }

    /** Whether anything of {@code metric} was recorded. */
    synchronized boolean has(String metric, String backend) {
        return metrics.containsKey(metric) && metrics.get(metric).containsKey(backend);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private Series series(String metric, String backend) {
        return metrics.computeIfAbsent(metric, k -> new LinkedHashMap<>()).computeIfAbsent(backend, k -> new Series(reps));
    }
}
