package mpkernel.experiments.overhead;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import mpkernel.isolation.Backend;

/**
 * Runs the overhead experiment: for each benchmark, pairs of forks of the vanilla and the
 * isolated build in counterbalanced (ABBA) order: pair 1 runs vanilla then isolated, pair 2
 * isolated then vanilla, and so on, so that neither build always runs first (and always meets
 * a warmer or cooler machine). Each fork is a fresh JVM that warms up before it measures. A
 * benchmark whose fork fails or does not verify is reported as such and gets no slowdown.
 */
public final class OverheadExperiment {

    /**
     * What to run.
     *
     * @param isolated the isolated build's backend
     * @param pairs pairs of forks per benchmark (one fork of each build per pair)
     * @param warmups unmeasured runs per fork
     * @param measured measured runs per fork
     * @param margin the equivalence margin (0.01 is ±1%)
     * @param quick CI sizes instead of the reproduction sizes
     * @param benchmarks the benchmarks, in order
     */
    public record Settings(Backend isolated, int pairs, int warmups, int measured, double margin, boolean quick,
                           List<Benchmark> benchmarks) {
        public Settings {
            benchmarks = List.copyOf(benchmarks);
            if (pairs < 1 || warmups < 0 || measured < 1 || !(margin > 0 && margin < 1)) {
                throw new IllegalArgumentException("need pairs >= 1, warmups >= 0, measured >= 1, 0 < margin < 1");
            }
        }

        int totalRuns() {
            return benchmarks.size() * pairs * 2;
        }

        /** The builds of pair {@code k} (from 1) in the order they run: ABBA. */
        List<Backend> order(int k) {
            return k % 2 == 1 ? List.of(Backend.NONE, isolated) : List.of(isolated, Backend.NONE);
        }
    }

    /** Starts one fork and returns its iterations. */
    @FunctionalInterface
    public interface ForkRunner {
        /**
         * Runs {@code benchmark} on {@code backend}.
         *
         * @throws ForkFailedException if the fork did not complete
         */
        List<Iteration> run(Backend backend, int warmups, int measured, String program, List<String> args);
    }

    /** A fork that crashed, timed out or printed no result. */
    public static final class ForkFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ForkFailedException(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final ForkRunner runner;
    private final PrintStream progress;

    public OverheadExperiment(Settings settings, ForkRunner runner, PrintStream progress) {
        this.settings = settings;
        this.runner = runner;
        this.progress = progress;
    }

    /** Runs everything; {@code afterEach} sees the results so far after every benchmark. */
    public List<BenchmarkResult> run(Consumer<List<BenchmarkResult>> afterEach) {
        List<BenchmarkResult> results = new ArrayList<>();
        int done = 0;
        long start = System.nanoTime();
        for (Benchmark b : settings.benchmarks()) {
            List<String> args = b.args(settings.quick());
            List<Fork> vanilla = new ArrayList<>();
            List<Fork> isolated = new ArrayList<>();
            String failure = null;
            for (int k = 1; k <= settings.pairs() && failure == null; k++) {
                List<Backend> order = settings.order(k);
                for (int position = 1; position <= 2; position++) {
                    Backend backend = order.get(position - 1);
                    String build = backend == Backend.NONE ? "vanilla" : "isolated";
                    try {
                        List<Iteration> its = runner.run(backend, settings.warmups(), settings.measured(), b.program(), args);
                        Fork f = Fork.of(b.program(), build, backend.cliName(), k, position, its);
                        (backend == Backend.NONE ? vanilla : isolated).add(f);
                        done++;
                        progress.printf(Locale.ROOT, "[%3d/%d %s] %-15s %-8s pair %d/%d  %8.4f s  %s%n", done, settings.totalRuns(),
                                eta(start, done), b.program(), build, k, settings.pairs(), f.seconds(),
                                f.verified() ? "verified" : "NOT VERIFIED");
                        if (!f.verified()) {
                            failure = build + " fork " + k + " did not verify";
                            break;
                        }
                    } catch (ForkFailedException e) {
                        failure = build + " fork " + k + ": " + e.getMessage();
                        progress.printf("[%s] %s FAILED: %s%n", b.program(), build, failure);
                        break;
                    }
                }
            }
            results.add(new BenchmarkResult(b.program(), args, vanilla, isolated, failure, settings.margin()));
            afterEach.accept(List.copyOf(results));
        }
        return results;
    }

    private String eta(long start, int done) {
        double perRun = (System.nanoTime() - start) / 1e9 / done;
        long left = Math.round(perRun * (settings.totalRuns() - done));
        return String.format("eta %dm%02ds", left / 60, left % 60);
    }
}
