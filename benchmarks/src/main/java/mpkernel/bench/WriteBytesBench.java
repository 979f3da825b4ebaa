package mpkernel.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The paper's microbenchmark: the unsafe kernel's {@code write_bytes} (a memset to a raw
 * address) wrapped in {@code isolation_start}/{@code isolation_end}, i.e. the kernel's own call
 * through the gate into {@code UNSAFE_KERNEL} ({@code Kernel.writeBytes}), on a buffer in
 * unsafe-kernel memory. The paper swept 1 B to 4 KB; this sweep goes on to 1 MB.
 *
 * <p>The benchmark thread stands for the safe kernel without entering it: a crossing into
 * {@code UNSAFE_KERNEL} changes the same rights from outside every domain as from
 * {@code SAFE_KERNEL} (one emulated PKRU switch each way under {@code mpk-dry}; one region,
 * the safe kernel's, closed and reopened under {@code mprotect}), so the figure is the kernel's.
 */
public class WriteBytesBench extends Harness {

    /** A buffer of the largest size in unsafe-kernel memory, and how much of it one call sets. */
    @State(Scope.Benchmark)
    public static class Buffer {
        /** Largest size in the sweep. */
        static final long MAX = 1 << 20;

        /** Bytes set per call. */
        @Param({"1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1024", "2048", "4096",
                "8192", "16384", "32768", "65536", "131072", "262144", "524288", "1048576"})
        public long size;

        long address;

        @Setup(Level.Trial)
        public void allocate(Booted k) {
            if (size < 1 || size > MAX) {
                throw new IllegalArgumentException("write_bytes size must be 1.." + MAX + ", got " + size);
            }
            address = k.kernel.unsafeMalloc(MAX);
        }
    }

    /** One {@code write_bytes} of {@code size} bytes through the gate. */
    @Benchmark
    public void writeBytes(Booted k, Buffer b) {
        k.kernel.writeBytes(b.address, (byte) 0x5a, b.size);
    }
}
