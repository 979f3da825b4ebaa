package mpkernel.user.http;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * A stand-in for the kernel's {@link Sys} for the HTTP server's tests, on one thread: a flat file
 * system of byte arrays (with files whose {@code stat} size is 0 but whose reads give bytes, as
 * the kernel's devices do), scripted client connections whose bytes arrive in the chunks a test
 * chose and whose answers are recorded, memory that shows leaks and double frees, and a log of
 * every system call by name, so that tests can count the gate crossings a response costs.
 * {@code threadSpawn} runs its task at once, to its end.
 */
final class FakeKernel implements Sys, AutoCloseable {

    /** One scripted client connection. */
    static final class Client {
        private final Deque<byte[]> inbound = new ArrayDeque<>();
        private final java.io.ByteArrayOutputStream outbound = new java.io.ByteArrayOutputStream();
        boolean closed;
        boolean shutDown;
        int sends;
        int recvs;

        /** Bytes the server will receive in one {@code recv} each (a chunk larger than the buffer arrives over several). */
        Client arrive(String... chunks) {
            for (String c : chunks) {
                inbound.add(c.getBytes(StandardCharsets.ISO_8859_1));
            }
            return this;
        }

        Client arrive(byte[] chunk) {
            inbound.add(chunk);
            return this;
        }

        /** Everything the server sent. */
        byte[] received() {
            return outbound.toByteArray();
        }

        /** Everything the server sent, as ISO-8859-1 text. */
        String text() {
            return outbound.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private final Arena arena = Arena.ofShared();
    private final Map<Long, MemorySegment> live = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Set<String> generated = new HashSet<>();
    private final Set<String> directories = new HashSet<>(Set.of("/", "/host", "/proc", "/dev"));
    private final Map<Integer, long[]> openFiles = new HashMap<>(); // fd -> {index into paths, offset}
    private final List<String> openPaths = new ArrayList<>();
    private final Map<Integer, Client> sockets = new HashMap<>();
    private final Deque<Client> pending = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final Set<Integer> unjoined = new HashSet<>();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private int nextFd = 3;
    private int nextSocket = 100;
    private int nextTid = 1;
    /** Most bytes one {@code send} takes (the socket's free room). */
    int sendLimit = Integer.MAX_VALUE;
    /** How many bytes of a file that shrank after its {@code stat} a read still gives, or -1. */
    private final Map<String, Integer> shrunk = new HashMap<>();

    /** Adds a file of {@code content} at {@code path}. */
    FakeKernel file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    FakeKernel file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a file that {@code stat} sizes 0 and that reads as {@code content}, as the kernel's devices do. */
    FakeKernel device(String path, byte[] content) {
        generated.add(path);
        return file(path, content);
    }

    /** Makes the file at {@code path} read only {@code bytes} of what its {@code stat} says. */
    FakeKernel shrink(String path, int bytes) {
        shrunk.put(path, bytes);
        return this;
    }

    /** Adds a client connection that {@code accept} will return. */
    Client connect() {
        Client c = new Client();
        pending.add(c);
        return c;
    }

    /** A connected client socket, for driving one {@link Connection} directly. */
    int socketOf(Client c) {
        int fd = nextSocket++;
        sockets.put(fd, c);
        return fd;
    }

    /** Every system call made so far, by name, in order. */
    List<String> calls() {
        return calls;
    }

    /** How many calls of {@code name} were made. */
    long count(String name) {
        return calls.stream().filter(name::equals).count();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Memory blocks not freed. */
    int liveBlocks() {
        return live.size();
    }

    /** Files left open. */
    int openFileCount() {
        return openFiles.size();
    }

    /** Tasks spawned and never joined. */
    int unjoinedTasks() {
        return unjoined.size();
    }

    // ---- memory ----

    @Override
    public MemorySegment malloc(long bytes) {
        calls.add("malloc");
        MemorySegment block = arena.allocate(Math.max(bytes, 1), 16).asSlice(0, bytes);
        live.put(block.address(), block);
        return block;
    }

    @Override
    public MemorySegment calloc(long count, long size) {
        return malloc(count * size);
    }

    @Override
    public MemorySegment realloc(MemorySegment block, long bytes) {
        throw new UnsupportedOperationException("realloc");
    }

    @Override
    public void free(MemorySegment block) {
        calls.add("free");
        if (live.remove(block.address()) == null) {
            throw new SysError(Errno.EINVAL, "free of a block not allocated or already freed");
        }
    }

    @Override
    public MemorySegment mmap(long bytes) {
        throw new UnsupportedOperationException("mmap");
    }

    @Override
    public void munmap(MemorySegment mapping) {
        throw new UnsupportedOperationException("munmap");
    }

    // ---- files ----

    @Override
    public FileStat stat(String path) {
        calls.add("stat");
        if (directories.contains(path)) {
            return new FileStat(1, 0, true, true);
        }
        byte[] content = files.get(path);
        if (content == null) {
            throw new SysError(Errno.ENOENT, path);
        }
        return new FileStat(2, generated.contains(path) ? 0 : content.length, false, true);
    }

    @Override
    public int open(String path, int flags) {
        calls.add("open");
        if (!files.containsKey(path) && !directories.contains(path)) {
            throw new SysError(Errno.ENOENT, path);
        }
        int fd = nextFd++;
        openPaths.add(path);
        openFiles.put(fd, new long[] {openPaths.size() - 1, 0});
        return fd;
    }

    @Override
    public long read(int fd, MemorySegment buffer) {
        calls.add("read");
        long[] f = openFiles.get(fd);
        if (f == null) {
            throw new SysError(Errno.EBADF, "fd " + fd);
        }
        String path = openPaths.get((int) f[0]);
        if (directories.contains(path)) {
            throw new SysError(Errno.EISDIR, path);
        }
        byte[] content = files.get(path);
        long size = shrunk.getOrDefault(path, content.length);
        long n = Math.max(0, Math.min(buffer.byteSize(), size - f[1]));
        MemorySegment.copy(content, (int) f[1], buffer, ValueLayout.JAVA_BYTE, 0, (int) n);
        f[1] += n;
        return n;
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        return write(fd, new String(buffer.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
    }

    @Override
    public long write(int fd, String text) {
        calls.add("write");
        switch (fd) {
            case STDOUT -> out.append(text);
            case STDERR -> err.append(text);
            default -> throw new SysError(Errno.EBADF, "fd " + fd);
        }
        return text.length();
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        throw new UnsupportedOperationException("lseek");
    }

    @Override
    public void close(int fd) {
        calls.add("close");
        if (openFiles.remove(fd) != null) {
            return;
        }
        Client c = sockets.get(fd);
        if (c != null && !c.closed) {
            c.closed = true;
            return;
        }
        if (fd == LISTENER && listening) {
            listening = false;
            return;
        }
        throw new SysError(Errno.EBADF, "fd " + fd + " is not open");
    }

    // ---- sockets ----

    private static final int LISTENER = 99;
    private boolean listening;
    /** An error {@code socket} throws, to play a kernel without a network. */
    Errno socketError;

    @Override
    public int socket(int domain, int type, int protocol) {
        calls.add("socket");
        if (socketError != null) {
            throw new SysError(socketError, "no network");
        }
        listening = true;
        return LISTENER;
    }

    @Override
    public void bind(int fd, SockAddr address) {
        calls.add("bind");
    }

    @Override
    public void listen(int fd, int backlog) {
        calls.add("listen");
    }

    @Override
    public int accept(int fd) {
        calls.add("accept");
        Client c = pending.poll();
        if (c == null) {
            throw new IllegalStateException("the test scripted no more connections");
        }
        return socketOf(c);
    }

    @Override
    public long recv(int fd, MemorySegment buffer, int flags) {
        calls.add("recv");
        Client c = client(fd);
        c.recvs++;
        byte[] chunk = c.inbound.poll();
        if (chunk == null) {
            return 0; // the client closed
        }
        int n = (int) Math.min(chunk.length, buffer.byteSize());
        MemorySegment.copy(chunk, 0, buffer, ValueLayout.JAVA_BYTE, 0, n);
        if (n < chunk.length) {
            c.inbound.addFirst(java.util.Arrays.copyOfRange(chunk, n, chunk.length));
        }
        return n;
    }

    @Override
    public long send(int fd, MemorySegment buffer, int flags) {
        calls.add("send");
        Client c = client(fd);
        if (c.shutDown) {
            throw new SysError(Errno.EPIPE, "sending is shut down");
        }
        c.sends++;
        int n = (int) Math.min(buffer.byteSize(), sendLimit);
        c.outbound.writeBytes(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
        return n;
    }

    @Override
    public void shutdown(int fd, int how) {
        calls.add("shutdown");
        if (how == SHUT_WR || how == SHUT_RDWR) {
            client(fd).shutDown = true;
        }
    }

    @Override
    public int poll(MemorySegment fds, int nfds, int timeoutMillis) {
        calls.add("poll");
        int ready = 0;
        for (int i = 0; i < nfds; i++) {
            Client c = client(fds.get(ValueLayout.JAVA_INT, i * 8L));
            fds.set(ValueLayout.JAVA_SHORT, i * 8L + 6, POLLIN); // data, or the end of the stream
            ready += c == null ? 0 : 1;
        }
        return ready;
    }

    @Override
    public SockAddr getpeername(int fd) {
        calls.add("getpeername");
        return new SockAddr(0x0a4d0001, 40000 + fd);
    }

    @Override
    public SockAddr getsockname(int fd) {
        throw new UnsupportedOperationException("getsockname");
    }

    private Client client(int fd) {
        Client c = sockets.get(fd);
        if (c == null || c.closed) {
            throw new SysError(Errno.EBADF, "socket " + fd + " is not open");
        }
        return c;
    }

    @Override
    public void connect(int fd, SockAddr address) {
        throw new UnsupportedOperationException("connect");
    }

    @Override
    public long sendto(int fd, MemorySegment buffer, int flags, SockAddr destination) {
        throw new UnsupportedOperationException("sendto");
    }

    @Override
    public Datagram recvfrom(int fd, MemorySegment buffer, int flags) {
        throw new UnsupportedOperationException("recvfrom");
    }

    // ---- the rest ----

    @Override
    public long clockGettime(int clock) {
        calls.add("clock_gettime");
        return System.nanoTime();
    }

    @Override
    public int getpid() {
        return 1;
    }

    /** How many of the next {@code threadSpawn}s fail with {@code EAGAIN}, as when every task domain is in use. */
    int spawnFailures;

    @Override
    public int threadSpawn(Runnable body) {
        calls.add("thread_spawn");
        if (spawnFailures > 0) {
            spawnFailures--;
            throw new SysError(Errno.EAGAIN, "no free task domain");
        }
        int tid = nextTid++;
        unjoined.add(tid);
        body.run();
        return tid;
    }

    @Override
    public void threadJoin(int tid) {
        calls.add("thread_join");
        if (!unjoined.remove(tid)) {
            throw new SysError(Errno.ECHILD, "no task " + tid);
        }
    }

    @Override
    public MemorySegment taskMemory() {
        throw new SysError(Errno.ENOSYS, "no task domains");
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
