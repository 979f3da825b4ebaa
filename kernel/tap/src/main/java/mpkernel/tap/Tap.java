package mpkernel.tap;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * An attached Linux TAP interface: Ethernet frames in and out through a file descriptor of
 * {@code /dev/net/tun} ({@code IFF_TAP | IFF_NO_PI}: bare frames, no packet-information
 * prefix). {@link #open} must run before the process confines itself (it opens a file); reads,
 * writes and waits on the open descriptor need nothing the confinement shuts. One thread may
 * read (and wait) while another writes.
 */
public final class Tap implements AutoCloseable {

    private static final int O_RDWR = 2;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFNAMSIZ = 16;
    private static final int IFREQ_BYTES = 40;
    private static final short POLLIN = 1;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO_VALUE = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN = capturing("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL = capturing("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle READ = capturing("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = capturing("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle POLL = capturing("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final String name;
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment pollFd;
    private final MemorySegment readErrno;
    private final MemorySegment writeErrno;
    private volatile boolean closed;

    private Tap(String name, int fd) {
        this.name = name;
        this.fd = fd;
        this.pollFd = arena.allocate(8);
        this.readErrno = arena.allocate(Linker.Option.captureStateLayout());
        this.writeErrno = arena.allocate(Linker.Option.captureStateLayout());
        pollFd.set(JAVA_INT, 0, fd);
        pollFd.set(JAVA_SHORT, 4, POLLIN);
    }

    /**
     * Attaches the existing TAP interface {@code name} (made by {@code ip tuntap add}, in the
     * network namespace this process runs in).
     *
     * @throws IllegalStateException with a one-line reason if it cannot
     */
    public static Tap open(String name) {
        byte[] ifname = name.getBytes(StandardCharsets.US_ASCII);
        if (ifname.length == 0 || ifname.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name '" + name + "' must have 1 to 15 characters");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(Linker.Option.captureStateLayout());
            int fd = (int) OPEN.invokeExact(state, a.allocateFrom("/dev/net/tun"), O_RDWR | O_NONBLOCK | O_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("cannot open /dev/net/tun: " + explain(errno(state)));
            }
            MemorySegment ifreq = a.allocate(IFREQ_BYTES);
            MemorySegment.copy(MemorySegment.ofArray(ifname), 0, ifreq, 0, ifname.length);
            ifreq.set(JAVA_SHORT, IFNAMSIZ, (short) (IFF_TAP | IFF_NO_PI));
            int rc = (int) IOCTL.invokeExact(state, fd, TUNSETIFF, ifreq);
            if (rc < 0) {
                int e = errno(state);
                int ignored = (int) CLOSE.invokeExact(fd);
                throw new IllegalStateException("cannot attach TAP interface " + name + ": " + explain(e));
            }
            return new Tap(name, fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("TAP downcall failed", t);
        }
    }

    /** The interface's name. */
    public String name() {
        return name;
    }

    /** Waits up to {@code millis} for a frame to read; returns whether one is there. */
    public boolean awaitReadable(int millis) {
        try {
            int n = (int) POLL.invokeExact(readErrno, pollFd, 1L, millis);
            return n > 0 && (pollFd.get(JAVA_SHORT, 6) & POLLIN) != 0;
        } catch (Throwable t) {
            throw new IllegalStateException("poll on " + name + " failed", t);
        }
    }

    /** Reads one frame into {@code buffer}; returns its length, 0 if none is waiting. */
    public int read(MemorySegment buffer) {
        try {
            long n = (long) READ.invokeExact(readErrno, fd, buffer, buffer.byteSize());
            if (n >= 0) {
                return (int) n;
            }
            int e = errno(readErrno);
            if (e == EAGAIN || e == EINTR) {
                return 0;
            }
            throw new IllegalStateException("read from " + name + ": " + explain(e));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("read from " + name + " failed", t);
        }
    }

    /** Writes one frame; returns false if the interface's queue is full (the frame is dropped, as on a wire). */
    public boolean write(MemorySegment frame) {
        try {
            long n = (long) WRITE.invokeExact(writeErrno, fd, frame, frame.byteSize());
            if (n >= 0) {
                return true;
            }
            int e = errno(writeErrno);
            if (e == EAGAIN || e == EINTR) {
                return false;
            }
            throw new IllegalStateException("write to " + name + ": " + explain(e));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("write to " + name + " failed", t);
        }
    }

    /** Detaches from the interface, once no thread reads or writes any more. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            // closing is best effort
        }
        arena.close(); // the caller has stopped the threads that read and write
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO_VALUE.get(state, 0L);
    }

    private static String explain(int errno) {
        return "errno " + errno + switch (errno) {
            case 1 -> " (EPERM: attaching a TAP interface needs root or CAP_NET_ADMIN)";
            case 2, 19 -> " (no such device: is the tun module loaded, and the interface in this network namespace?)";
            case 16 -> " (EBUSY: another process holds the interface)";
            default -> "";
        };
    }

    private static MethodHandle capturing(String function, FunctionDescriptor fd, Linker.Option... more) {
        Linker.Option[] options = new Linker.Option[more.length + 1];
        options[0] = ERRNO;
        System.arraycopy(more, 0, options, 1, more.length);
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(function), fd, options);
    }
}
