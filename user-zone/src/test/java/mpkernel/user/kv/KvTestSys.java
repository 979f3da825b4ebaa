package mpkernel.user.kv;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * A stand-in for the kernel's {@link Sys} for kv-server's tests, playing one client on one
 * connected socket: {@code recv} hands out scripted chunks (then 0, the client's close),
 * {@code send} collects what the server answers, and both are counted, since each would be a
 * gate crossing. Its listener's every {@code accept} yields that socket, and a spawned task runs
 * at once on the spawning thread. Memory comes from an {@link Arena}, each block tracked until freed (a leak or a
 * double free shows); the monotonic clock is whatever the test sets, and its reads are counted.
 */
final class KvTestSys implements Sys, AutoCloseable {

    /** The connected socket's descriptor. */
    static final int FD = 5;
    /** The listening socket's descriptor. */
    static final int LISTENER = 3;

    private final Arena arena = Arena.ofShared();
    private final Map<Long, MemorySegment> live = new HashMap<>();
    private final Deque<byte[]> incoming = new ArrayDeque<>();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final List<Integer> sendSizes = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private long largestBlock;
    private int recvs;
    private int clockReads;
    private long now;
    private long sendLimit = Long.MAX_VALUE;
    private boolean closed;
    private boolean shutDown;
    private boolean listenerClosed;
    private int boundPort;
    private int tasks;
    private final List<Integer> joined = new ArrayList<>();

    /** Queues bytes for the server's next {@code recv}s, one chunk per call (a chunk larger than the buffer over several). */
    KvTestSys client(String... chunks) {
        for (String c : chunks) {
            incoming.add(c.getBytes(StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    /** Queues raw bytes as one chunk. */
    KvTestSys client(byte[] chunk) {
        incoming.add(chunk);
        return this;
    }

    /** Makes every {@code send} take at most {@code bytes}, as a full socket would. */
    void sendLimit(long bytes) {
        sendLimit = bytes;
    }

    /** Sets the monotonic clock, in nanoseconds. */
    void clock(long nanos) {
        now = nanos;
    }

    String sent() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }

    List<Integer> sendSizes() {
        return sendSizes;
    }

    int recvs() {
        return recvs;
    }

    int clockReads() {
        return clockReads;
    }

    long largestBlock() {
        return largestBlock;
    }

    int liveBlocks() {
        return live.size();
    }

    boolean closed() {
        return closed;
    }

    boolean shutDown() {
        return shutDown;
    }

    boolean listenerClosed() {
        return listenerClosed;
    }

    int boundPort() {
        return boundPort;
    }

    List<Integer> joined() {
        return joined;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public synchronized MemorySegment malloc(long bytes) {
        MemorySegment block = arena.allocate(Math.max(bytes, 1), 16).asSlice(0, bytes);
        live.put(block.address(), block);
        largestBlock = Math.max(largestBlock, bytes);
        return block;
    }

    @Override
    public MemorySegment calloc(long count, long size) {
        return malloc(Math.multiplyExact(count, size));
    }

    @Override
    public synchronized MemorySegment realloc(MemorySegment block, long bytes) {
        MemorySegment moved = malloc(bytes);
        MemorySegment.copy(block, 0, moved, 0, Math.min(block.byteSize(), bytes));
        free(block);
        return moved;
    }

    @Override
    public synchronized void free(MemorySegment block) {
        if (live.remove(block.address()) == null) {
            throw new SysError(Errno.EINVAL, "free of a block not allocated or already freed");
        }
    }

    @Override
    public long recv(int fd, MemorySegment buffer, int flags) {
        checkFd(fd);
        recvs++;
        byte[] chunk = incoming.poll();
        if (chunk == null) {
            return 0;
        }
        int n = (int) Math.min(chunk.length, buffer.byteSize());
        MemorySegment.copy(chunk, 0, buffer, ValueLayout.JAVA_BYTE, 0, n);
        if (n < chunk.length) {
            incoming.addFirst(java.util.Arrays.copyOfRange(chunk, n, chunk.length));
        }
        return n;
    }

    @Override
    public long send(int fd, MemorySegment buffer, int flags) {
        checkFd(fd);
        int n = (int) Math.min(buffer.byteSize(), sendLimit);
        sent.writeBytes(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        sendSizes.add(n);
        return n;
    }

    @Override
    public void close(int fd) {
        if (fd == LISTENER) {
            listenerClosed = true;
            return;
        }
        checkFd(fd);
        closed = true;
    }

    // ---- a listener whose every accept yields the one connection; tasks run on the caller's thread ----

    @Override
    public int socket(int domain, int type, int protocol) {
        return LISTENER;
    }

    @Override
    public void bind(int fd, SockAddr address) {
        boundPort = address.port();
    }

    @Override
    public void listen(int fd, int backlog) {
    }

    @Override
    public int accept(int fd) {
        return FD;
    }

    @Override
    public int threadSpawn(Runnable body) {
        body.run();
        return ++tasks;
    }

    @Override
    public void threadJoin(int tid) {
        joined.add(tid);
    }

    @Override
    public void shutdown(int fd, int how) {
        checkFd(fd);
        shutDown = true;
    }

    @Override
    public SockAddr getpeername(int fd) {
        checkFd(fd);
        return SockAddr.of("10.77.0.1", 40000);
    }

    @Override
    public long clockGettime(int clock) {
        clockReads++;
        return now;
    }

    @Override
    public long write(int fd, String text) {
        switch (fd) {
            case STDOUT -> out.append(text);
            case STDERR -> err.append(text);
            default -> throw new SysError(Errno.EBADF, "fd " + fd);
        }
        return text.length();
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        return write(fd, new String(buffer.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        arena.close();
    }

    private static void checkFd(int fd) {
        if (fd != FD) {
            throw new SysError(Errno.EBADF, "fd " + fd);
        }
    }

    // ---- not used by kv-server's parts under test ----

    private static SysError absent() {
        return new SysError(Errno.ENOSYS, "not in this test double");
    }

    @Override
    public MemorySegment mmap(long bytes) {
        throw absent();
    }

    @Override
    public void munmap(MemorySegment mapping) {
        throw absent();
    }

    @Override
    public int open(String path, int flags) {
        throw absent();
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        throw absent();
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        throw absent();
    }

    @Override
    public FileStat stat(String path) {
        throw absent();
    }

    @Override
    public void connect(int fd, SockAddr address) {
        throw absent();
    }

    @Override
    public long sendto(int fd, MemorySegment buffer, int flags, SockAddr destination) {
        throw absent();
    }

    @Override
    public Datagram recvfrom(int fd, MemorySegment buffer, int flags) {
        throw absent();
    }

    @Override
    public int poll(MemorySegment fds, int nfds, int timeoutMillis) {
        throw absent();
    }

    @Override
    public SockAddr getsockname(int fd) {
        throw absent();
    }

    @Override
    public int getpid() {
        return 1;
    }

    @Override
    public MemorySegment taskMemory() {
        throw absent();
    }

    @Override
    public void yield() {
        Thread.yield();
    }

    @Override
    public void exit(int status) {
        throw new ProgramExit(status);
    }
}
