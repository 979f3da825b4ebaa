package mpkernel.user.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * A stand-in for the kernel's {@link Sys} for the benchmark tests: memory from a confined
 * {@link Arena}, each block exactly as large as asked for and recorded while live, so that an
 * out-of-bounds access, a double or foreign {@code free} and a leak all show; the clock from
 * {@link System#nanoTime}; standard output and error captured, and write calls counted, so that
 * tests can check that a program batches its output. Files, threads and sockets are not offered
 * (the benchmarks use none of them).
 */
final class TestSys implements Sys, AutoCloseable {

    private final Arena arena = Arena.ofConfined();
    private final Map<Long, MemorySegment> live = new HashMap<>();
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

    private int clockReads;

    /** How many times the program read a clock. */
    int clockReads() {
        return clockReads;
    }

    /** How many write calls the program made. */
    int writes() {
        return writes;
    }

    /** Blocks allocated and not yet freed. */
    int liveBlocks() {
        return live.size();
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
        return malloc(Math.multiplyExact(count, size)); // arena memory is zeroed
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
        throw new SysError(Errno.ENOENT, "no file system in this test double: " + path);
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        throw new SysError(Errno.EBADF, "fd " + fd);
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        return write(fd, new String(buffer.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
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
        throw new SysError(Errno.ENOENT, "no file system in this test double: " + path);
    }

    @Override
    public long clockGettime(int clock) {
        clockReads++;
        return clock == CLOCK_REALTIME ? System.currentTimeMillis() * 1_000_000L : System.nanoTime();
    }

    @Override
    public int getpid() {
        return 1;
    }

    @Override
    public int threadSpawn(Runnable body) {
        throw new SysError(Errno.EPERM, "the benchmarks are single-threaded");
    }

    @Override
    public void threadJoin(int tid) {
        throw new SysError(Errno.ECHILD, "tid " + tid);
    }

    @Override
    public void yield() {
        Thread.yield();
    }

    @Override
    public MemorySegment taskMemory() {
        throw new SysError(Errno.ENOSYS, "no task domains here");
    }

    @Override
    public void exit(int status) {
        throw new ProgramExit(status);
    }

    @Override
    public void close() {
        arena.close();
    }

    // ---- no sockets ----

    private static SysError noNetwork() {
        return new SysError(Errno.EAFNOSUPPORT, "no network in this test double");
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        throw noNetwork();
    }

    @Override
    public void bind(int fd, SockAddr address) {
        throw noNetwork();
    }

    @Override
    public void listen(int fd, int backlog) {
        throw noNetwork();
    }

    @Override
    public int accept(int fd) {
        throw noNetwork();
    }

    @Override
    public void connect(int fd, SockAddr address) {
        throw noNetwork();
    }

    @Override
    public long send(int fd, MemorySegment buffer, int flags) {
        throw noNetwork();
    }

    @Override
    public long recv(int fd, MemorySegment buffer, int flags) {
        throw noNetwork();
    }

    @Override
    public long sendto(int fd, MemorySegment buffer, int flags, SockAddr destination) {
        throw noNetwork();
    }

    @Override
    public Datagram recvfrom(int fd, MemorySegment buffer, int flags) {
        throw noNetwork();
    }

    @Override
    public void shutdown(int fd, int how) {
        throw noNetwork();
    }

    @Override
    public int poll(MemorySegment fds, int nfds, int timeoutMillis) {
        throw noNetwork();
    }

    @Override
    public SockAddr getsockname(int fd) {
        throw noNetwork();
    }

    @Override
    public SockAddr getpeername(int fd) {
        throw noNetwork();
    }
}
