package mpkernel.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark here inherits: average time in ns, two forks (a 2-core
 * shared machine drifts between JVMs, so one fork says little), explicit warmup. The command
 * line ({@code ./mpk bench}) overrides counts and times; the fork JVM options stay: native
 * access for the class path, and workers that are kernel threads ({@link DomainThreadPool}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {Harness.NATIVE_ACCESS, Harness.EXECUTOR, Harness.POOL})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class Harness {

    /** Benchmarks run on the class path, where FFM's restricted methods need this. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** JMH takes its worker pool from the class {@link #POOL} names. */
    static final String EXECUTOR = "-Djmh.executor=CUSTOM";
    /** A pool of kernel threads. */
    static final String POOL = "-Djmh.executor.class=mpkernel.bench.DomainThreadPool";
}
