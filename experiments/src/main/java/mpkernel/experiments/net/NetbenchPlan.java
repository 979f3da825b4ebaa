package mpkernel.experiments.net;

import java.util.ArrayList;
import java.util.List;

import mpkernel.isolation.Backend;

/**
 * What one {@code ./mpk netbench} measures and for how long.
 *
 * @param backends the kernel's backends, {@code none} first (the baseline of every slowdown)
 * @param reps repetitions; repetition k runs the backends (and Linux) in an order rotated by k
 * @param sizes the stream's message sizes in bytes
 * @param warmupMillis per size, the sender's warm-up before it measures
 * @param measureMillis per size, the measured time
 * @param redisRequests {@code redis-benchmark -n} per test
 * @param redisClients {@code redis-benchmark -c}
 * @param wrkSeconds {@code wrk -d} per file
 * @param wrkConnections {@code wrk -c}
 * @param crossingGets the two numbers of {@code GET}s whose difference gives the crossings per request
 * @param crossingBytes the two stream lengths whose difference gives the crossings per megabyte
 * @param crossingMessage the message size of the crossing count's stream
 * @param quick a smoke run, not a measurement
 */
public record NetbenchPlan(List<Backend> backends, int reps, List<Integer> sizes, long warmupMillis, long measureMillis,
                           int redisRequests, int redisClients, int wrkSeconds, int wrkConnections, int[] crossingGets,
                           long[] crossingBytes, int crossingMessage, boolean quick) {

    /** The name under which Linux's own stack appears beside the backends. */
    public static final String LINUX = "linux";

    /** The pipelining depths of {@code redis-benchmark -P}. */
    static final List<Integer> PIPELINES = List.of(1, 16);
    /** The {@code redis-benchmark} tests. */
    static final List<String> REDIS_TESTS = List.of("GET", "SET");
    /** The files {@code wrk} fetches: name and size. */
    static final List<Integer> WRK_FILES = List.of(1024, 64 * 1024);

    public NetbenchPlan {
        backends = List.copyOf(backends);
        sizes = List.copyOf(sizes);
    }

    /** The default run, or with {@code quick} a smoke run; {@code reps} overrides the repetitions when positive. */
    public static NetbenchPlan of(List<Backend> backends, int reps, boolean quick) {
        List<Backend> ordered = new ArrayList<>(List.of(Backend.NONE));
        backends.stream().filter(b -> b != Backend.NONE).forEach(ordered::add);
        if (quick) {
            return new NetbenchPlan(ordered, reps > 0 ? reps : 2, List.of(1, 1024, 64 * 1024), 100, 200, 1000, 4, 1, 4,
                    new int[] {20, 220}, new long[] {1L << 20, 3L << 20}, 16 * 1024, true);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int s = 1; s <= 64 * 1024; s *= 2) {
            sizes.add(s);
        }
        return new NetbenchPlan(ordered, reps > 0 ? reps : 3, sizes, 500, 1000, 10_000, 4, 2, 4,
                new int[] {100, 2100}, new long[] {4L << 20, 36L << 20}, 16 * 1024, false);
    }

    /** The kernel's backends and Linux, in the order repetition {@code rep} (0-based) runs them. */
    List<String> order(int rep) {
        List<String> all = new ArrayList<>(backends.stream().map(Backend::cliName).toList());
        all.add(LINUX);
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            rotated.add(all.get((i + rep) % all.size()));
        }
        return rotated;
    }

    /** The name of a {@code redis-benchmark} test, e.g. {@code redis GET P16}. */
    static String redisMetric(String test, int pipeline) {
        return "redis " + test + " P" + pipeline;
    }

    /** The name of a {@code wrk} test, e.g. {@code wrk 64k}. */
    static String wrkMetric(int bytes) {
        return "wrk " + bytes / 1024 + "k";
    }

    /** Every request metric, in report order. */
    List<String> requestMetrics() {
        List<String> m = new ArrayList<>();
        for (String t : REDIS_TESTS) {
            for (int p : PIPELINES) {
                m.add(redisMetric(t, p));
            }
        }
        WRK_FILES.forEach(f -> m.add(wrkMetric(f)));
        return m;
    }
}
