package mpkernel.bench;

import mpkernel.isolation.CycleLoops;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The clock the cores really run at while benchmarks run: a chain of dependent adds
 * ({@link CycleLoops#addChain}), one cycle each on every x86-64 core, so nanoseconds per add is
 * the length of a cycle, turbo and power states included. {@code ./mpk bench} uses it to turn
 * {@link WrpkruBench}'s nanoseconds into cycles.
 */
public class ClockBench extends Harness {

    /** Loop iterations per invocation. */
    static final int ITERATIONS = 1000;

    /** {@link #ITERATIONS} x {@link CycleLoops#ADDS_PER_ITERATION} dependent adds; the score is ns per add. */
    @Benchmark
    @OperationsPerInvocation(ITERATIONS * CycleLoops.ADDS_PER_ITERATION)
    public int dependentAdd() {
        return CycleLoops.addChain(ITERATIONS);
    }
}
