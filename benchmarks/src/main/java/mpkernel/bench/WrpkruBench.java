package mpkernel.bench;

import mpkernel.isolation.CycleLoops;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The hardware cost inside every {@code mpk} gate crossing: {@code WRPKRU} followed by
 * {@code LFENCE}, alone. A machine-code loop ({@link CycleLoops#wrpkru}) runs the pair
 * {@link #PAIRS} times per call, rewriting the value PKRU already holds, so one downcall's cost
 * is spread over all of them and no right ever changes. Needs PKU: {@code ./mpk bench} leaves
 * it out where the CPU has none, and turns its nanoseconds into cycles with
 * {@link ClockBench}'s clock.
 */
public class WrpkruBench extends Harness {

    /** WRPKRU+LFENCE pairs per invocation. */
    static final int PAIRS = 1000;

    /** {@link #PAIRS} times {@code wrpkru; lfence}. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int wrpkruLfence() {
        return CycleLoops.wrpkru(PAIRS);
    }
}
