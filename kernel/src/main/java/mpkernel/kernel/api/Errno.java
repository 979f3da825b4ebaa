package mpkernel.kernel.api;

/** The POSIX error numbers the kernel reports, with Linux's values. */
public enum Errno {
    /** Operation not permitted. */
    EPERM(1),
    /** No such file or directory. */
    ENOENT(2),
    /** Interrupted while waiting. */
    EINTR(4),
    /** Input/output error. */
    EIO(5),
    /** Bad file descriptor. */
    EBADF(9),
    /** No child task with that id. */
    ECHILD(10),
    /** Try again: a nonblocking call would have to wait. */
    EAGAIN(11),
    /** Out of memory. */
    ENOMEM(12),
    /** Permission denied. */
    EACCES(13),
    /** Bad address: a buffer that is not the caller's memory. */
    EFAULT(14),
    /** File exists. */
    EEXIST(17),
    /** Is a directory. */
    EISDIR(21),
    /** Invalid argument. */
    EINVAL(22),
    /** Too many open files. */
    EMFILE(24),
    /** File too large. */
    EFBIG(27),
    /** No space left on the file system. */
    ENOSPC(28),
    /** Read-only file system. */
    EROFS(30),
    /** Broken pipe: a send on a socket whose sending side is shut down. */
    EPIPE(32),
    /** File name too long. */
    ENAMETOOLONG(36),
    /** Function not implemented (a system call this kernel was booted without). */
    ENOSYS(38),
    /** Not a socket. */
    ENOTSOCK(88),
    /** Destination address required. */
    EDESTADDRREQ(89),
    /** Message too long for one datagram. */
    EMSGSIZE(90),
    /** Protocol not supported. */
    EPROTONOSUPPORT(93),
    /** Operation not supported on this socket. */
    EOPNOTSUPP(95),
    /** Address family not supported (or no network at all). */
    EAFNOSUPPORT(97),
    /** Address already in use. */
    EADDRINUSE(98),
    /** Cannot assign the requested address. */
    EADDRNOTAVAIL(99),
    /** Network is unreachable. */
    ENETUNREACH(101),
    /** Connection reset by peer. */
    ECONNRESET(104),
    /** No buffer space available. */
    ENOBUFS(105),
    /** The socket is already connected. */
    EISCONN(106),
    /** The socket is not connected. */
    ENOTCONN(107),
    /** Connection timed out. */
    ETIMEDOUT(110),
    /** Connection refused. */
    ECONNREFUSED(111),
    /** A connection attempt is already in progress. */
    EALREADY(114),
    /** The connection attempt has started and completes later. */
    EINPROGRESS(115);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** The Linux errno value. */
    public int number() {
        return number;
    }
}
