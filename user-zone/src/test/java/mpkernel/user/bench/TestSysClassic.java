package mpkernel.user.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * A stand-in for the kernel's {@link Sys} for the classic benchmark tests: memory from a shared
 * {@link Arena} (with a record of live blocks, so double frees and leaks show), the monotonic clock
 * from {@link System#nanoTime()}, and standard output and error captured in string builders.
 * Files and threads are not needed by these programs and fail with {@link Errno#EPERM}.
 */
final class TestSysClassic implements Sys, AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final Map<MemorySegment, Long> live = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private int writes;

    /** Everything written to standard output. */
    String out() {
        return out.toString();
    }

    /** Everything written to standard error. */
    String err() {
        return err.toString();
    }

    /** How many write calls the program made. */
    int writes() {
        return writes;
    }

    /** Blocks allocated and not freed. */
    int liveBlocks() {
        return live.size();
    }

    @Override
    public MemorySegment malloc(long bytes) {
        MemorySegment block = arena.allocate(Math.max(bytes, 1), 16);
        live.put(block, bytes);
        return block;
    }

    @Override
    public MemorySegment calloc(long count, long size) {
        return malloc(count * size); // Arena memory is zeroed
    }

    @Override
    public MemorySegment realloc(MemorySegment block, long bytes) {
        MemorySegment moved = malloc(bytes);
        MemorySegment.copy(block, 0, moved, 0, Math.min(block.byteSize(), bytes));
        free(block);
        return moved;
    }

    @Override
    public void free(MemorySegment block) {
        MemorySegment known = null;
        for (MemorySegment candidate : live.keySet()) {
            if (candidate.address() == block.address()) {
                known = candidate;
            }
        }
        if (known == null) {
            throw new SysError(Errno.EINVAL, "free of a block not allocated");
        }
        live.remove(known);
    }

    @Override
    public MemorySegment mmap(long bytes) {
        return malloc((bytes + 4095) / 4096 * 4096);
    }

    @Override
    public void munmap(MemorySegment mapping) {
        free(mapping);
    }

    @Override
    public int open(String path, int flags) {
        throw new SysError(Errno.EPERM, "no files in this test double");
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        throw new SysError(Errno.EBADF, "no files in this test double");
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        return write(fd, new String(buffer.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
    }

    @Override
    public long write(int fd, String text) {
        writes++;
        if (fd == STDOUT) {
            out.append(text);
        } else if (fd == STDERR) {
            err.append(text);
        } else {
            throw new SysError(Errno.EBADF, "fd " + fd);
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        throw new SysError(Errno.EBADF, "no files in this test double");
    }

    @Override
    public void close(int fd) {
        throw new SysError(Errno.EBADF, "no files in this test double");
    }

    @Override
    public FileStat stat(String path) {
        throw new SysError(Errno.ENOENT, path);
    }

    @Override
    public long clockGettime(int clock) {
        return clock == CLOCK_MONOTONIC ? System.nanoTime() : System.currentTimeMillis() * 1_000_000L;
    }

    @Override
    public int getpid() {
        return 1;
    }

    @Override
    public int threadSpawn(Runnable body) {
        throw new SysError(Errno.EPERM, "single-threaded benchmarks");
    }

    @Override
    public void threadJoin(int tid) {
        throw new SysError(Errno.ECHILD, "no threads");
    }

    @Override
    public void yield() {
        Thread.yield();
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
