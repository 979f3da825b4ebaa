package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;

import mpkernel.isolation.Gate;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.Sys;

/**
 * The user-to-kernel gate, the artifact's {@code kernel_function!}: each system call enters
 * {@code SAFE_KERNEL} through {@link #kernel}, runs in {@link KernelCore}, and returns through
 * the same gate, whether it returns or throws.
 */
public final class SyscallHandle implements Sys {

    private final Gate kernel;
    private final KernelCore k;

    public SyscallHandle(Gate kernel, KernelCore core) {
        this.kernel = kernel;
        this.k = core;
    }

    @Override
    public MemorySegment malloc(long bytes) {
        return kernel.call(() -> k.malloc(bytes));
    }

    @Override
    public MemorySegment calloc(long count, long size) {
        return kernel.call(() -> k.calloc(count, size));
    }

    @Override
    public MemorySegment realloc(MemorySegment block, long bytes) {
        return kernel.call(() -> k.realloc(block, bytes));
    }

    @Override
    public void free(MemorySegment block) {
        kernel.run(() -> k.free(block));
    }

    @Override
    public MemorySegment mmap(long bytes) {
        return kernel.call(() -> k.mmap(bytes));
    }

    @Override
    public void munmap(MemorySegment mapping) {
        kernel.run(() -> k.munmap(mapping));
    }

    @Override
    public int open(String path, int flags) {
        return kernel.callInt(() -> k.open(path, flags));
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        return kernel.callLong(() -> k.read(fd, buffer));
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        return kernel.callLong(() -> k.write(fd, buffer));
    }

    @Override
    public long write(int fd, String text) {
        return kernel.callLong(() -> k.write(fd, text));
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return kernel.callLong(() -> k.lseek(fd, offset, whence));
    }

    @Override
    public void close(int fd) {
        kernel.run(() -> k.close(fd));
    }

    @Override
    public FileStat stat(String path) {
        return kernel.call(() -> k.stat(path));
    }

    @Override
    public long clockGettime(int clock) {
        return kernel.callLong(() -> k.clockGettime(clock));
    }

    @Override
    public int getpid() {
        return kernel.callInt(k::getpid);
    }

    @Override
    public int threadSpawn(Runnable body) {
        return kernel.callInt(() -> k.threadSpawn(body));
    }

    /** The wait happens before the crossing, outside the kernel: only the reaping is a system call. */
    @Override
    public void threadJoin(int tid) {
        k.awaitTask(tid);
        kernel.run(() -> k.threadJoin(tid));
    }

    @Override
    public void yield() {
        kernel.run(Thread::yield);
    }

    @Override
    public void exit(int status) {
        kernel.run(() -> k.exit(status));
    }
}
