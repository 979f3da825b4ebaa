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
 * A stand-in for the kernel's {@link Sys} for the Phoenix and LINPACK port tests: memory from
 * a confined {@link Arena}, the clock from {@link System#nanoTime}, console output captured in
 * string builders. It counts system calls and live heap blocks so that tests can check that a
 * program frees what it allocates and batches its output. Files and threads are not offered
 * (the ports use neither).
 */
final class TestSysPhoenix implements Sys, AutoCloseable {

    private final Arena arena = Arena.ofConfined();
    private final Map<Long, MemorySegment> live = new HashMap<>();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private int writes;

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    /** Blocks malloc'ed and not yet freed. */
    int liveBlocks() {
        return live.size();
    }

    /** Number of write calls so far. */
    int writes() {
        return writes;
    }

    /** The last non-empty line written to standard output. */
    String lastLine() {
        String[] lines = stdout.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Override
    public MemorySegment malloc(long bytes) {
        if (bytes < 0) {
            throw new SysError(Errno.EINVAL, "negative size");
        }
        MemorySegment block = arena.allocate(Math.max(bytes, 1), 16).asSlice(0, bytes);
        live.put(block.address(), block);
        return block;
    }

    @Override
    public MemorySegment calloc(long count, long size) {
        MemorySegment block = malloc(Math.multiplyExact(count, size));
        block.fill((byte) 0);
        return block;
    }

    @Override
    public MemorySegment realloc(MemorySegment block, long bytes) {
        MemorySegment fresh = malloc(bytes);
        MemorySegment.copy(block, 0, fresh, 0, Math.min(block.byteSize(), bytes));
        free(block);
        return fresh;
    }

    @Override
    public void free(MemorySegment block) {
        if (live.remove(block.address()) == null) {
            throw new SysError(Errno.EINVAL, "free of a block that is not live");
        }
    }

    @Override
    public MemorySegment mmap(long bytes) {
        return calloc(1, bytes);
    }

    @Override
    public void munmap(MemorySegment mapping) {
        free(mapping);
    }

    @Override
    public int open(String path, int flags) {
        throw new SysError(Errno.ENOENT, "no file system in this test double");
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        throw new SysError(Errno.EBADF, "no file system in this test double");
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        byte[] bytes = buffer.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        return write(fd, new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public long write(int fd, String text) {
        writes++;
        switch (fd) {
            case STDOUT -> stdout.append(text);
            case STDERR -> stderr.append(text);
            default -> throw new SysError(Errno.EBADF, "fd " + fd);
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        throw new SysError(Errno.EBADF, "no file system in this test double");
    }

    @Override
    public void close(int fd) {
        throw new SysError(Errno.EBADF, "no file system in this test double");
    }

    @Override
    public FileStat stat(String path) {
        throw new SysError(Errno.ENOENT, "no file system in this test double");
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
        throw new SysError(Errno.EPERM, "no threads in this test double");
    }

    @Override
    public void threadJoin(int tid) {
        throw new SysError(Errno.ECHILD, "no threads in this test double");
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
