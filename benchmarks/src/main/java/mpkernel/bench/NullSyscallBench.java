package mpkernel.bench;

import mpkernel.kernel.api.Sys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The null system call: {@code getpid} from a user program, one user-to-kernel gate round trip
 * around a kernel function that only reads a field. Vanilla ({@code none}) against each backend.
 * Under {@code none} the gate compiles away and the JIT hoists that read out of the loop, so
 * vanilla measures near 0 ns: all of an isolated figure is the isolation's.
 */
public class NullSyscallBench extends Harness {

    /** {@link UserBatch#OPS} calls of {@code getpid} from inside {@code USER}. */
    @Benchmark
    @OperationsPerInvocation(UserBatch.OPS)
    public void getpid(Booted k, Blackhole bh) {
        Sys sys = k.sys;
        k.user.run(() -> {
            for (int i = 0; i < UserBatch.OPS; i++) {
                bh.consume(sys.getpid());
            }
        });
    }
}
