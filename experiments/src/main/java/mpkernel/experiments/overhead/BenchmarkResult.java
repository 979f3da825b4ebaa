package mpkernel.experiments.overhead;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything measured for one benchmark: its forks on both builds, or why it failed.
 *
 * @param benchmark the benchmark
 * @param args the program arguments used
 * @param vanilla forks of the vanilla build, in run order
 * @param isolated forks of the isolated build, in run order
 * @param failure why the benchmark could not be measured, or {@code null}
 * @param margin the equivalence margin its slowdown is tested against
 */
public record BenchmarkResult(String benchmark, List<String> args, List<Fork> vanilla, List<Fork> isolated, String failure,
                              double margin) {

    public BenchmarkResult {
        args = List.copyOf(args);
        vanilla = List.copyOf(vanilla);
        isolated = List.copyOf(isolated);
    }

    /** Whether every fork of both builds completed and verified. */
    public boolean verified() {
        return failure == null && !vanilla.isEmpty() && !isolated.isEmpty()
                && vanilla.stream().allMatch(Fork::verified) && isolated.stream().allMatch(Fork::verified);
    }

    /** The slowdown of the isolated build, pair by pair (only meaningful when {@link #verified()}). */
    public Slowdown slowdown() {
        return Slowdown.of(seconds(vanilla), seconds(isolated), margin);
    }

    /** Each pair's {@code ln(isolated/vanilla)}, for the suite's bootstrap. */
    public double[] logRatios() {
        int n = Math.min(vanilla.size(), isolated.size());
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = Math.log(isolated.get(k).seconds() / vanilla.get(k).seconds());
        }
        return d;
    }

    /** Mean user-to-kernel crossings per run of the isolated build. */
    public double syscallsPerRun() {
        return isolated.stream().mapToDouble(Fork::syscalls).average().orElse(Double.NaN);
    }

    /** Mean kernel-to-unsafe crossings per run of the isolated build. */
    public double unsafeCallsPerRun() {
        return isolated.stream().mapToDouble(Fork::unsafeCalls).average().orElse(Double.NaN);
    }

    /** Crossings of both gates per second of program run (isolated build). */
    public double crossingsPerSecond() {
        double wall = isolated.stream().mapToDouble(Fork::wallSeconds).average().orElse(Double.NaN);
        return (syscallsPerRun() + unsafeCallsPerRun()) / wall;
    }

    /** Mean wall seconds of a vanilla program run. */
    public double vanillaWallSeconds() {
        return vanilla.stream().mapToDouble(Fork::wallSeconds).average().orElse(Double.NaN);
    }

    private static List<Double> seconds(List<Fork> forks) {
        List<Double> s = new ArrayList<>();
        forks.forEach(f -> s.add(f.seconds()));
        return s;
    }
}
