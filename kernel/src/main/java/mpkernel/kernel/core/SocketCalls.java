package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;

import mpkernel.isolation.DomainMemory;
import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.fs.FileSystem;
import mpkernel.kernel.net.NetStack;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The kernel's half of each socket system call, run inside the gate into {@code SAFE_KERNEL}:
 * descriptor numbers become the stack's socket numbers, arguments are checked (user buffers
 * must lie in user memory), and the stack, which never waits, does the work. Socket
 * descriptors are numbered from {@link #FD_BASE}, after the file system's.
 */
public final class SocketCalls {

    /** The first socket descriptor. */
    public static final int FD_BASE = FileSystem.FDS;

    private final NetStack stack;
    private final DomainMemory user;

    /** Calls on {@code stack} (null: a kernel without network) for programs whose memory is {@code user}. */
    public SocketCalls(NetStack stack, DomainMemory user) {
        this.stack = stack;
        this.user = user;
    }

    /** Whether {@code fd} is in the sockets' range of descriptors. */
    public static boolean isSocket(int fd) {
        return fd >= FD_BASE && fd < FD_BASE + NetStack.SOCKETS;
    }

    /** The stack's socket number of descriptor {@code fd}. */
    static int slot(int fd) {
        return fd - FD_BASE;
    }

    int socket(int domain, int type, int protocol) {
        if (stack == null) {
            throw new SysError(Errno.EAFNOSUPPORT, "this kernel has no network: boot it with --net tap or --net loop");
        }
        if (domain != Sys.AF_INET) {
            throw new SysError(Errno.EAFNOSUPPORT, "address family " + domain + " (only AF_INET)");
        }
        int kind = type & ~Sys.SOCK_NONBLOCK;
        int expected = kind == Sys.SOCK_STREAM ? 6 : kind == Sys.SOCK_DGRAM ? 17 : -1;
        if (protocol != 0 && protocol != expected) {
            throw new SysError(Errno.EPROTONOSUPPORT, "protocol " + protocol + " for socket type " + kind);
        }
        return FD_BASE + stack.socket(kind, (type & Sys.SOCK_NONBLOCK) != 0);
    }

    /** Returns the port bound, if the socket is UDP (a service then), else 0. */
    int bind(int fd, SockAddr address) {
        int s = open(fd);
        stack.bind(s, address(address));
        return stack.datagram(s) ? stack.localAddress(s).port() : 0;
    }

    /** Returns the port it listens on. */
    int listen(int fd, int backlog) {
        return stack.listen(open(fd), backlog);
    }

    int accept(int fd) {
        return FD_BASE + stack.accept(open(fd));
    }

    /** Starts the connection; a socket that must not wait gets {@link Errno#EINPROGRESS} (TCP) once it has started. */
    void connect(int fd, SockAddr address, boolean waits) {
        int s = open(fd);
        stack.connect(s, address(address));
        if (!waits && !stack.datagram(s)) {
            throw new SysError(Errno.EINPROGRESS, "connecting to " + address);
        }
    }

    long send(int fd, MemorySegment buffer, int flags) {
        int s = open(fd);
        checkFlags(flags);
        return stack.send(s, userMemory(buffer));
    }

    /** Sends bytes the kernel itself staged (the text of {@code write(fd, String)}). */
    long sendStaged(int fd, MemorySegment staged) {
        return stack.send(open(fd), staged);
    }

    long sendto(int fd, MemorySegment buffer, int flags, SockAddr to) {
        int s = open(fd);
        checkFlags(flags);
        return stack.sendto(s, userMemory(buffer), address(to));
    }

    long recv(int fd, MemorySegment buffer, int flags) {
        int s = open(fd);
        checkFlags(flags);
        return stack.recv(s, userMemory(buffer));
    }

    Datagram recvfrom(int fd, MemorySegment buffer, int flags) {
        int s = open(fd);
        checkFlags(flags);
        return stack.recvfrom(s, userMemory(buffer));
    }

    void shutdown(int fd, int how) {
        stack.shutdown(open(fd), how);
    }

    void close(int fd) {
        stack.close(open(fd));
    }

    SockAddr getsockname(int fd) {
        return stack.localAddress(open(fd));
    }

    SockAddr getpeername(int fd) {
        return stack.remoteAddress(open(fd));
    }

    /**
     * Fills in the {@code revents} of {@code nfds} {@code struct pollfd}s in {@code fds} (user
     * memory); returns how many have some. A file descriptor is always ready, as POSIX has it;
     * a number that is neither gets {@link Sys#POLLNVAL}.
     */
    int poll(MemorySegment fds, int nfds, FileSystem files) {
        if (nfds < 0 || (long) nfds * Sys.POLLFD_BYTES > fds.byteSize()) {
            throw new SysError(Errno.EINVAL, nfds + " descriptors do not fit in a buffer of " + fds.byteSize() + " bytes");
        }
        if (nfds > 0) {
            userMemory(fds);
        }
        int ready = 0;
        for (int i = 0; i < nfds; i++) {
            long at = (long) i * Sys.POLLFD_BYTES;
            int fd = fds.get(JAVA_INT_UNALIGNED, at);
            int wanted = fds.get(JAVA_SHORT_UNALIGNED, at + 4);
            int events;
            if (isSocket(fd) && stack != null) {
                events = stack.events(slot(fd)) & (wanted | Sys.POLLERR | Sys.POLLHUP | Sys.POLLNVAL);
            } else if (fd >= 0 && fd < FileSystem.FDS && files.isOpen(fd)) {
                events = wanted & (Sys.POLLIN | Sys.POLLOUT);
            } else {
                events = fd < 0 ? 0 : Sys.POLLNVAL; // a negative fd is ignored, as POSIX says
            }
            fds.set(JAVA_SHORT_UNALIGNED, at + 6, (short) events);
            ready += events != 0 ? 1 : 0;
        }
        return ready;
    }

    private int open(int fd) {
        if (stack == null) {
            throw new SysError(Errno.EBADF, "fd " + fd + " is not open (this kernel has no network)");
        }
        if (!isSocket(fd)) {
            throw new SysError(fd >= 0 && fd < FileSystem.FDS ? Errno.ENOTSOCK : Errno.EBADF, "fd " + fd + " is not a socket");
        }
        return slot(fd);
    }

    private static SockAddr address(SockAddr address) {
        if (address == null) {
            throw new SysError(Errno.EFAULT, "no address");
        }
        return address;
    }

    private static void checkFlags(int flags) {
        if ((flags & ~Sys.MSG_DONTWAIT) != 0) {
            throw new SysError(Errno.EOPNOTSUPP, "flags 0x" + Integer.toHexString(flags) + " (only MSG_DONTWAIT)");
        }
    }

    /** EFAULT unless {@code s} lies inside user memory. */
    private MemorySegment userMemory(MemorySegment s) {
        if (s == null || !s.isNative() || !user.contains(s.address()) || (s.byteSize() > 0 && !user.contains(s.address() + s.byteSize() - 1))) {
            throw new SysError(Errno.EFAULT, "buffer is not user memory from malloc/mmap");
        }
        return s;
    }
}
