package mpkernel.bench;

import mpkernel.kernel.api.Sys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Kernel {@code malloc} then {@code free} of one block, as a user program calls them: two system
 * calls, each a gate round trip into the kernel's allocator (metadata in safe-kernel memory).
 * Vanilla ({@code none}) against each backend; one operation is the pair.
 */
public class MallocBench extends Harness {

    /** The block size. */
    @State(Scope.Benchmark)
    public static class Block {
        /** Bytes per block: a small object and a large buffer. */
        @Param({"64", "65536"})
        public long block;
    }

    /** {@link UserBatch#OPS} {@code malloc}/{@code free} pairs from inside {@code USER}. */
    @Benchmark
    @OperationsPerInvocation(UserBatch.OPS)
    public void mallocFree(Booted k, Block b) {
        Sys sys = k.sys;
        long size = b.block;
        k.user.run(() -> {
            for (int i = 0; i < UserBatch.OPS; i++) {
                sys.free(sys.malloc(size));
            }
        });
    }
}
