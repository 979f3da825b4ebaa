package mpkernel.experiments.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import mpkernel.experiments.overhead.Iteration;
import mpkernel.experiments.overhead.OverheadExperiment;
import mpkernel.isolation.Backend;

/**
 * Runs a {@link SweepPlan}: for each backend and step, ABBA pairs of forks of the
 * {@code sweep} program on {@code none} and on the backend (pair 1 vanilla first, pair 2
 * isolated first, ...), each a fresh kernel process that warms up before it measures.
 */
public final class SweepExperiment {

    private final SweepPlan plan;
    private final OverheadExperiment.ForkRunner runner;
    private final PrintStream progress;

    public SweepExperiment(SweepPlan plan, OverheadExperiment.ForkRunner runner, PrintStream progress) {
        this.plan = plan;
        this.runner = runner;
        this.progress = progress;
    }

    /** Runs every step; {@code afterEach} sees the steps so far after each one. */
    public List<SweepStep> run(Consumer<List<SweepStep>> afterEach) {
        List<SweepStep> steps = new ArrayList<>();
        long start = System.nanoTime();
        int done = 0;
        for (Backend b : plan.backends()) {
            for (long every : plan.steps().get(b)) {
                List<Double> vanilla = new ArrayList<>();
                List<Double> isolated = new ArrayList<>();
                List<Double> crossings = new ArrayList<>();
                boolean verified = true;
                for (int k = 1; k <= plan.pairs(); k++) {
                    List<Backend> order = k % 2 == 1 ? List.of(Backend.NONE, b) : List.of(b, Backend.NONE);
                    for (Backend x : order) {
                        List<Iteration> measured = runner.run(x, plan.warmups(), plan.measured(), "sweep", plan.args(every))
                                .stream().filter(i -> !i.warmup()).toList();
                        verified &= measured.stream().allMatch(Iteration::verified);
                        double seconds = measured.stream().mapToDouble(Iteration::seconds).average().orElseThrow();
                        if (x == Backend.NONE) {
                            vanilla.add(seconds);
                        } else {
                            isolated.add(seconds);
                            crossings.add(measured.stream().mapToDouble(i -> i.syscalls() + i.unsafeCalls()).average().orElseThrow());
                        }
                        done++;
                    }
                }
                SweepStep step = new SweepStep(b, every, vanilla, isolated, crossings, verified);
                steps.add(step);
                double perFork = (System.nanoTime() - start) / 1e9 / done;
                long left = Math.round(perFork * (plan.totalForks() - done));
                progress.printf(Locale.ROOT, "[%3d/%d eta %dm%02ds] %-8s a call every %7d units: %10.0f crossings/s, slowdown %+.2f%%%s%n",
                        done, plan.totalForks(), left / 60, left % 60, b.cliName(), every, step.rate(),
                        100 * step.slowdown(0.01).slowdown(), verified ? "" : "  NOT VERIFIED");
                afterEach.accept(List.copyOf(steps));
            }
        }
        return steps;
    }
}
