package mpkernel.user.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * A stand-in for the kernel's system calls, for running the NPB ports in unit tests: memory from
 * a shared arena (tracked, so a test can check that everything was freed), time from
 * {@link System#nanoTime}, console output captured. Files and threads are not needed by NPB.
 */
final class TestSysNpb implements Sys, AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final Map<Long, MemorySegment> live = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private int writes;

    /** What the program wrote to stdout. */
    String out() {
        return out.toString();
    }

    /** What the program wrote to stderr. */
    String err() {
        return err.toString();
    }

    /** Number of write system calls made. */
    int writes() {
        return writes;
    }

    /** Blocks allocated and not yet freed. */
    int liveBlocks() {
        return live.size();
    }

    @Override
    public MemorySegment malloc(long bytes) {
        MemorySegment block = arena.allocate(Math.max(bytes, 1), 16);
        live.put(block.address(), block);
        return block.asSlice(0, bytes);
    }

    @Override
    public MemorySegment calloc(long count, long size) {
        return malloc(count * size); // arena memory is zeroed
    }

    @Override
    public MemorySegment realloc(MemorySegment block, long bytes) {
        MemorySegment grown = malloc(bytes);
        MemorySegment.copy(block, 0, grown, 0, Math.min(block.byteSize(), bytes));
        free(block);
        return grown;
    }

    @Override
    public void free(MemorySegment block) {
        if (live.remove(block.address()) == null) {
            throw new SysError(Errno.EINVAL, "free of a block not allocated or already freed");
        }
    }

    @Override
    public MemorySegment mmap(long bytes) {
        return malloc(bytes);
    }

    @Override
    public void munmap(MemorySegment mapping) {
        free(mapping);
    }

    @Override
    public int open(String path, int flags) {
        throw new SysError(Errno.ENOENT, path);
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        throw new SysError(Errno.EBADF, "fd " + fd);
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        return write(fd, new String(buffer.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
    }

    @Override
    public long write(int fd, String text) {
        writes++;
        switch (fd) {
            case STDOUT -> out.append(text);
            case STDERR -> err.append(text);
            default -> throw new SysError(Errno.EBADF, "fd " + fd);
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        throw new SysError(Errno.EBADF, "fd " + fd);
    }

    @Override
    public void close(int fd) {
        throw new SysError(Errno.EBADF, "fd " + fd);
    }

    @Override
    public FileStat stat(String path) {
        throw new SysError(Errno.ENOENT, path);
    }

    @Override
    public long clockGettime(int clock) {
        return clock == CLOCK_REALTIME ? System.currentTimeMillis() * 1_000_000L : System.nanoTime();
    }

    @Override
    public int getpid() {
        return 1;
    }

    @Override
    public int threadSpawn(Runnable body) {
        throw new SysError(Errno.EPERM, "the NPB ports are single-threaded");
    }

    @Override
    public void threadJoin(int tid) {
        throw new SysError(Errno.ECHILD, "tid " + tid);
    }

    @Override
    public void yield() {
        Thread.onSpinWait();
    }

    @Override
    public void exit(int status) {
        throw new ProgramExit(status);
    }

    @Override
    public void close() {
        arena.close();
    }
}
