package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import mpkernel.isolation.Gate;
import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.net.ConnectionFailure;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The user-to-kernel gate, the artifact's {@code kernel_function!}: each system call enters
 * {@code SAFE_KERNEL} through {@link #kernel}, runs in {@link KernelCore} (files, memory,
 * tasks) or {@link SocketCalls} (sockets), and returns through the same gate, whether it
 * returns or throws. A socket call that has to wait does so before it crosses, in the caller's
 * domain ({@link SocketWaits}); it crosses again only if another task took what it waited for.
 */
public final class SyscallHandle implements Sys {

    private final Gate kernel;
    private final KernelCore k;
    private final SocketCalls sockets;
    private final SocketWaits waits;
    private final NetAnnouncer announcer;

    /** The system calls of a kernel without network. */
    public SyscallHandle(Gate kernel, KernelCore core) {
        this(kernel, core, new SocketCalls(null, null), new SocketWaits(null), NetAnnouncer.NOBODY);
    }

    /** The system calls of a kernel with network: {@code sockets} inside the gate, {@code waits} before it, {@code announcer} after it. */
    public SyscallHandle(Gate kernel, KernelCore core, SocketCalls sockets, SocketWaits waits, NetAnnouncer announcer) {
        this.kernel = kernel;
        this.k = core;
        this.sockets = sockets;
        this.waits = waits;
        this.announcer = announcer;
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
        if (SocketCalls.isSocket(fd)) {
            return recv(fd, buffer, 0);
        }
        return kernel.callLong(() -> k.read(fd, buffer));
    }

    @Override
    public long write(int fd, MemorySegment buffer) {
        if (SocketCalls.isSocket(fd)) {
            return send(fd, buffer, 0);
        }
        return kernel.callLong(() -> k.write(fd, buffer));
    }

    /** On a socket, all of the text is queued: it waits for room as often as it must (a crossing each time). */
    @Override
    public long write(int fd, String text) {
        if (SocketCalls.isSocket(fd)) {
            MemorySegment bytes = MemorySegment.ofArray(text.getBytes(StandardCharsets.UTF_8));
            long done = 0;
            while (done < bytes.byteSize()) {
                MemorySegment rest = bytes.asSlice(done);
                done += waiting(fd, POLLOUT, 0, () -> sockets.sendStaged(fd, rest));
            }
            return done;
        }
        return kernel.callLong(() -> k.write(fd, text));
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return kernel.callLong(() -> k.lseek(fd, offset, whence));
    }

    @Override
    public void close(int fd) {
        if (SocketCalls.isSocket(fd)) {
            kernel.run(() -> sockets.close(fd));
            return;
        }
        kernel.run(() -> k.close(fd));
    }

    @Override
    public FileStat stat(String path) {
        return kernel.call(() -> k.stat(path));
    }

    // ---- sockets ----

    @Override
    public int socket(int domain, int type, int protocol) {
        return kernel.callInt(() -> sockets.socket(domain, type, protocol));
    }

    @Override
    public void bind(int fd, SockAddr address) {
        int port = kernel.callInt(() -> sockets.bind(fd, address));
        if (port != 0) {
            announcer.serving(port, true);
        }
    }

    @Override
    public void listen(int fd, int backlog) {
        announcer.serving(kernel.callInt(() -> sockets.listen(fd, backlog)), false);
    }

    @Override
    public int accept(int fd) {
        return (int) waiting(fd, POLLIN, 0, () -> (long) sockets.accept(fd));
    }

    /** One crossing starts the connection; a blocking socket then waits outside for the outcome, which the network publishes. */
    @Override
    public void connect(int fd, SockAddr address) {
        boolean waits = this.waits.waits(fd, 0);
        kernel.run(() -> sockets.connect(fd, address, waits));
        announcer.serving(0, false);
        if (waits) {
            this.waits.await(fd, POLLOUT);
            Errno failure = this.waits.connectError(fd);
            if (failure != null) {
                throw ConnectionFailure.of(failure);
            }
        }
    }

    @Override
    public long send(int fd, MemorySegment buffer, int flags) {
        return waiting(fd, POLLOUT, flags, () -> sockets.send(fd, buffer, flags));
    }

    @Override
    public long recv(int fd, MemorySegment buffer, int flags) {
        return waiting(fd, POLLIN, flags, () -> sockets.recv(fd, buffer, flags));
    }

    @Override
    public long sendto(int fd, MemorySegment buffer, int flags, SockAddr destination) {
        long n = waiting(fd, POLLOUT, flags, () -> sockets.sendto(fd, buffer, flags, destination));
        announcer.serving(0, true);
        return n;
    }

    @Override
    public Datagram recvfrom(int fd, MemorySegment buffer, int flags) {
        return waitingFor(fd, POLLIN, flags, () -> sockets.recvfrom(fd, buffer, flags));
    }

    @Override
    public void shutdown(int fd, int how) {
        kernel.run(() -> sockets.shutdown(fd, how));
    }

    /**
     * Reads the caller's {@code pollfd}s in the caller's domain, waits there, then crosses once
     * to fill in what is ready. With no descriptors it only sleeps, outside the kernel.
     */
    @Override
    public int poll(MemorySegment fds, int nfds, int timeoutMillis) {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        if (nfds == 0 && timeoutMillis != 0) {
            sleepUntil(deadline);
        }
        while (true) {
            if (timeoutMillis != 0 && nfds > 0 && (long) nfds * POLLFD_BYTES <= fds.byteSize()) {
                int[] fdList = new int[nfds];
                int[] events = new int[nfds];
                for (int i = 0; i < nfds; i++) {
                    fdList[i] = fds.get(JAVA_INT_UNALIGNED, (long) i * POLLFD_BYTES);
                    events[i] = fds.get(JAVA_SHORT_UNALIGNED, (long) i * POLLFD_BYTES + 4);
                }
                waits.awaitAny(fdList, events, deadline);
            }
            int ready = kernel.callInt(() -> k.poll(sockets, fds, nfds));
            if (ready > 0 || nfds == 0 || timeoutMillis == 0 || (timeoutMillis > 0 && System.nanoTime() - deadline >= 0)) {
                return ready;
            }
        }
    }

    private static void sleepUntil(long deadline) {
        try {
            while (deadline == Long.MAX_VALUE || deadline - System.nanoTime() > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SysError(Errno.EINTR, "interrupted in poll");
        }
    }

    @Override
    public SockAddr getsockname(int fd) {
        return kernel.call(() -> sockets.getsockname(fd));
    }

    @Override
    public SockAddr getpeername(int fd) {
        return kernel.call(() -> sockets.getpeername(fd));
    }

    /**
     * A socket call that may have to wait for {@code events}: unless the socket never waits
     * (or {@code flags} say so), waits outside the kernel until it is ready, then crosses once;
     * only if it finds the socket not ready after all ({@link Errno#EAGAIN}), waits again.
     */
    private long waiting(int fd, int events, int flags, java.util.function.LongSupplier call) {
        return waitingFor(fd, events, flags, call::getAsLong);
    }

    /** {@link #waiting} for a call that returns an object. */
    private <T> T waitingFor(int fd, int events, int flags, Supplier<T> call) {
        boolean waits = this.waits.waits(fd, flags);
        while (true) {
            if (waits) {
                this.waits.awaitOrFrames(fd, events); // the call below takes any frames that woke it
            }
            try {
                return kernel.call(call);
            } catch (SysError e) {
                if (!waits || e.errno() != Errno.EAGAIN) {
                    throw e;
                }
            } finally {
                this.waits.left();
            }
        }
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
        int tid = kernel.callInt(() -> k.threadSpawn(body));
        // started only now, outside the kernel's gate (see Tasks.start)
        k.threadStart(tid);
        return tid;
    }

    /** The wait happens before the crossing, outside the kernel: only the reaping is a system call. */
    @Override
    public void threadJoin(int tid) {
        k.awaitTask(tid);
        kernel.run(() -> k.threadJoin(tid));
    }

    @Override
    public MemorySegment taskMemory() {
        return kernel.call(k::taskMemory);
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
