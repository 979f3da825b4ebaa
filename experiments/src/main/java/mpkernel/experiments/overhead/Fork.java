package mpkernel.experiments.overhead;

import java.util.List;

/**
 * One fresh JVM's contribution: the mean of its measured iterations, with every iteration's
 * time kept.
 *
 * @param benchmark program name
 * @param build {@code vanilla} or {@code isolated}
 * @param backend the backend of that build
 * @param pair the pair this fork belongs to, from 1
 * @param position 1 if this fork ran first in its pair, 2 if second (ABBA: pair 1 vanilla
 *     first, pair 2 isolated first, ...)
 * @param seconds mean timed-section seconds over the measured iterations
 * @param verified every iteration, warm-up included, verified
 * @param syscalls user-to-kernel crossings per measured iteration (mean)
 * @param unsafeCalls kernel-to-unsafe crossings per measured iteration (mean)
 * @param wallSeconds mean wall seconds of a measured program run
 * @param measuredSeconds each measured iteration's timed section, in run order
 * @param warmupSeconds each warm-up iteration's timed section, in run order
 */
public record Fork(String benchmark, String build, String backend, int pair, int position, double seconds, boolean verified,
                   double syscalls, double unsafeCalls, double wallSeconds, List<Double> measuredSeconds, List<Double> warmupSeconds) {

    public Fork {
        measuredSeconds = List.copyOf(measuredSeconds);
        warmupSeconds = List.copyOf(warmupSeconds);
    }

    /** The fork made of {@code iterations}. */
    static Fork of(String benchmark, String build, String backend, int pair, int position, List<Iteration> iterations) {
        List<Iteration> measured = iterations.stream().filter(i -> !i.warmup()).toList();
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("no measured iteration");
        }
        return new Fork(benchmark, build, backend, pair, position,
                measured.stream().mapToDouble(Iteration::seconds).average().orElseThrow(),
                iterations.stream().allMatch(Iteration::verified),
                measured.stream().mapToLong(Iteration::syscalls).average().orElseThrow(),
                measured.stream().mapToLong(Iteration::unsafeCalls).average().orElseThrow(),
                measured.stream().mapToDouble(Iteration::wallSeconds).average().orElseThrow(),
                measured.stream().map(Iteration::seconds).toList(),
                iterations.stream().filter(Iteration::warmup).map(Iteration::seconds).toList());
    }
}
