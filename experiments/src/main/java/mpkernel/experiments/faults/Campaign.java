package mpkernel.experiments.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the trials of one campaign shard that its file does not hold yet, {@code jobs} at a time,
 * appending each result as it finishes and showing progress (trials done, rate, ETA).
 */
public final class Campaign {

    /** Runs one trial in a fresh JVM. */
    @FunctionalInterface
    public interface TrialRunner {
        /** Runs {@code trial}; {@code golden} is the fault-free output hash, or {@code -}. */
        Run run(Trial trial, String golden);
    }

    /** A trial's result and the hash of its output (the golden run's is what others compare with). */
    public record Run(TrialResult result, String outputHash) {
    }

    private final long seed;
    private final int trials;
    private final List<String> models;
    private final int shard;
    private final int shards;
    private final boolean driverDomain;

    /** Trials {@code 0..trials-1} over {@code models}; this shard runs those with {@code number % shards == shard - 1}. */
    public Campaign(long seed, int trials, List<String> models, int shard, int shards) {
        this(seed, trials, models, shard, shards, false);
    }

    /** As above, on a kernel whose drivers run in their own {@code DRIVER} domain when {@code driverDomain}. */
    public Campaign(long seed, int trials, List<String> models, int shard, int shards, boolean driverDomain) {
        this.seed = seed;
        this.trials = trials;
        this.models = List.copyOf(models);
        this.shard = shard;
        this.shards = shards;
        this.driverDomain = driverDomain;
    }

    /** The trials of this shard, in order. */
    public List<Trial> plan() {
        List<Trial> plan = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            if (t % shards == shard - 1) {
                plan.add(Trial.plan(seed, t, models, driverDomain));
            }
        }
        return plan;
    }

    /** The fault-free output hash of this seed's workload, from a control run. */
    public static String golden(TrialRunner runner, long seed) {
        Run r = runner.run(new Trial(-1, "control", "-", "-", 0), "-");
        if (r.result().outcome() != Outcome.BENIGN) {
            throw new IllegalStateException("the fault-free golden run failed: " + r.result().outcome() + " " + r.result().detail());
        }
        return r.outputHash();
    }

    /** Runs what {@code file} lacks; returns how many trials ran now. */
    public int run(CampaignFile file, TrialRunner runner, String golden, int jobs, PrintStream progress) throws InterruptedException {
        Set<Integer> done = new HashSet<>();
        file.rows().forEach(r -> done.add(r.trial().number()));
        List<Trial> todo = plan().stream().filter(t -> !done.contains(t.number())).toList();
        int total = plan().size();
        AtomicInteger finished = new AtomicInteger(total - todo.size());
        long start = System.nanoTime();
        int startCount = finished.get();
        Progress bar = new Progress(progress, total);
        bar.show(finished.get(), 0, start);
        try (ExecutorService pool = Executors.newFixedThreadPool(jobs, Thread.ofPlatform().daemon().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial t : todo) {
                futures.add(pool.submit(() -> {
                    TrialResult r = runner.run(t, golden).result();
                    try {
                        file.append(r);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bar.show(finished.incrementAndGet(), finished.get() - startCount, start);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a trial could not be run: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        bar.finish();
        return todo.size();
    }

    /** A one-line progress bar, redrawn in place. */
    static final class Progress {
        private final PrintStream out;
        private final int total;
        private final boolean terminal = System.console() != null;
        private int lastPercent = -1;

        Progress(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        synchronized void show(int done, int ranNow, long startNanos) {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            if (!terminal && percent / 10 == lastPercent / 10 && done != total) {
                return; // in a log, one line per 10%
            }
            lastPercent = percent;
            double minutes = (System.nanoTime() - startNanos) / 60e9;
            double rate = minutes > 0 ? ranNow / minutes : 0;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * done / total);
            String eta = rate > 0 ? String.format(Locale.ROOT, "%.1f min", (total - done) / rate) : "?";
            out.printf(Locale.ROOT, "%s[%s%s] %d/%d trials  %.1f trials/min  ETA %s   %s", terminal ? "\r" : "", "#".repeat(filled),
                    ".".repeat(width - filled), done, total, rate, eta, terminal ? "" : "\n");
            out.flush();
        }

        void finish() {
            if (terminal) {
                out.println();
            }
        }
    }
}
