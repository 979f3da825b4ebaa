package mpkernel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What JMH is asked to run: which benchmarks, how many forks, how much explicit warmup and
 * measurement, and which parameter values. The two presets are sized for this project's
 * machine, 2 shared cores: always two forks (JIT and placement vary between JVMs more than
 * between iterations), and iterations short enough that the whole sweep stays bearable.
 *
 * @param include JMH include regex ({@code null}: every benchmark)
 * @param forks JVMs per benchmark and parameter combination
 * @param warmupIterations warmup iterations per fork
 * @param warmupMillis length of one warmup iteration
 * @param iterations measured iterations per fork
 * @param iterationMillis length of one measured iteration
 * @param params JMH parameter overrides ({@code -p name=v1,v2}); absent names keep the benchmarks' defaults
 * @param excludes JMH exclude regexes ({@code -e}): benchmarks this machine cannot run
 */
record JmhPlan(String include, int forks, int warmupIterations, int warmupMillis, int iterations, int iterationMillis,
               Map<String, List<String>> params, List<String> excludes) {

    /** {@code write_bytes} sizes of the quick sweep: the paper's ends (1 B, 4 KB) and the extension's end (1 MB). */
    static final List<String> QUICK_SIZES = List.of("1", "4096", "1048576");
    /** Domains in use of the quick {@code ActiveDomainsBench}: all hits, and past the key cache's 10 keys. */
    static final List<String> QUICK_DOMAINS = List.of("1", "16");
    /** Region bytes per domain of the quick {@code KeyCacheBench}: one page. */
    static final List<String> QUICK_REGIONS = List.of("4096");

    JmhPlan {
        params = Map.copyOf(params);
        excludes = List.copyOf(excludes);
    }

    /** A plan that excludes nothing. */
    JmhPlan(String include, int forks, int warmupIterations, int warmupMillis, int iterations, int iterationMillis,
            Map<String, List<String>> params) {
        this(include, forks, warmupIterations, warmupMillis, iterations, iterationMillis, params, List.of());
    }

    /** This plan, leaving out the benchmarks {@code regexes} match. */
    JmhPlan excluding(List<String> regexes) {
        return new JmhPlan(include, forks, warmupIterations, warmupMillis, iterations, iterationMillis, params, regexes);
    }

    /**
     * The default run: the benchmarks' own parameter lists (every {@code write_bytes} size from
     * 1 B to 1 MB; for the key cache 10 domain counts and 3 region sizes), 2 forks x (5 warmup +
     * 5 measured) x 500 ms, i.e. 10 s of iterations per configuration.
     */
    static JmhPlan full(String include, List<String> backends) {
        return new JmhPlan(include, 2, 5, 500, 5, 500, Map.of("backend", backends));
    }

    /**
     * {@code --quick}, for CI (under 3 minutes here): still 2 forks and explicit warmup, but
     * 3 x 200 ms of warmup, 3 x 100 ms measured, {@link #QUICK_SIZES}, {@link #QUICK_DOMAINS} and
     * {@link #QUICK_REGIONS}. Its numbers are a
     * smoke signal, not a result: too short for the kernel paths to settle on a noisy machine.
     */
    static JmhPlan quick(String include, List<String> backends) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("backend", backends);
        p.put("size", QUICK_SIZES);
        p.put("domains", QUICK_DOMAINS);
        p.put("region", QUICK_REGIONS);
        return new JmhPlan(include, 2, 3, 200, 3, 100, p);
    }

    /** JMH's command line for this plan, writing JSON results to {@code json}; a benchmark error stops the run. */
    List<String> jmhArgs(Path json) {
        List<String> a = new ArrayList<>();
        if (include != null) {
            a.add(include);
        }
        excludes.forEach(e -> a.addAll(List.of("-e", e)));
        a.addAll(List.of("-f", Integer.toString(forks),
                "-wi", Integer.toString(warmupIterations), "-w", warmupMillis + "ms",
                "-i", Integer.toString(iterations), "-r", iterationMillis + "ms",
                "-foe", "true", "-rf", "json", "-rff", json.toString()));
        params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> a.addAll(List.of("-p", e.getKey() + "=" + String.join(",", e.getValue()))));
        return a;
    }

    /** One line for humans and for the provenance. */
    String describe() {
        StringBuilder sb = new StringBuilder(String.format("forks %d, warmup %d x %d ms, measurement %d x %d ms",
                forks, warmupIterations, warmupMillis, iterations, iterationMillis));
        params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(", ").append(e.getKey()).append(" = ").append(String.join(",", e.getValue())));
        return sb.toString();
    }
}
