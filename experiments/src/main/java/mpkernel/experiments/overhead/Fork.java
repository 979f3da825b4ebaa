package mpkernel.experiments.overhead;

import java.util.List;

/**
 * One fresh JVM's contribution: the mean of its measured iterations.
 *
 * @param benchmark program name
 * @param build {@code vanilla} or {@code isolated}
 * @param backend the backend of that build
 * @param index fork number within its build, from 1
 * @param seconds mean timed-section seconds over the measured iterations
 * @param verified every iteration, warm-up included, verified
 * @param syscalls user-to-kernel crossings per measured iteration (mean)
 * @param unsafeCalls kernel-to-unsafe crossings per measured iteration (mean)
 * @param wallSeconds mean wall seconds of a measured program run
 */
public record Fork(String benchmark, String build, String backend, int index, double seconds, boolean verified,
                   double syscalls, double unsafeCalls, double wallSeconds) {

    /** The fork made of {@code iterations}. */
    static Fork of(String benchmark, String build, String backend, int index, List<Iteration> iterations) {
        List<Iteration> measured = iterations.stream().filter(i -> !i.warmup()).toList();
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("no measured iteration");
        }
        return new Fork(benchmark, build, backend, index,
                measured.stream().mapToDouble(Iteration::seconds).average().orElseThrow(),
                iterations.stream().allMatch(Iteration::verified),
                measured.stream().mapToLong(Iteration::syscalls).average().orElseThrow(),
                measured.stream().mapToLong(Iteration::unsafeCalls).average().orElseThrow(),
                measured.stream().mapToDouble(Iteration::wallSeconds).average().orElseThrow());
    }
}
