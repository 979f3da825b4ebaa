package mpkernel.kernel.api;

import java.lang.foreign.MemorySegment;

/**
 * The system calls of one user task. Each call enters the safe kernel through the user-to-kernel
 * gate and returns through it. Failures throw {@link SysError} carrying a POSIX
 * {@link Errno}; calls that POSIX lets fail with a count (such as {@code read} at end of file)
 * return it instead.
 *
 * <p>Memory handed out by {@code malloc}/{@code mmap} is the user domain's: a program may read
 * and write it freely, and only it. Buffers passed to {@code read}/{@code write} must be such
 * memory; the kernel copies between them and its own memory.
 *
 * <p>Sockets (IPv4 TCP and UDP, when the kernel was booted with a network) share the descriptor
 * numbers of files: {@code read}, {@code write} and {@code close} work on them too. A call that
 * must wait (a blocking {@code accept}, {@code recv}, {@code send} without room, {@code connect},
 * {@code poll}) waits before it enters the kernel, until the network says the socket is ready,
 * and then crosses once: no thread ever waits inside the kernel. {@link #SOCK_NONBLOCK} sockets
 * and {@link #MSG_DONTWAIT} never wait and fail with {@link Errno#EAGAIN} instead.
 */
public interface Sys {

    /** File descriptor of the console's output. */
    int STDOUT = 1;
    /** File descriptor of the console's error output (the same console). */
    int STDERR = 2;

    /** {@code open} flag: read only. */
    int O_RDONLY = 0;
    /** {@code open} flag: write only. */
    int O_WRONLY = 1;
    /** {@code open} flag: read and write. */
    int O_RDWR = 2;
    /** {@code open} flag: create the file if missing. */
    int O_CREAT = 0100;
    /** {@code open} flag: truncate to zero length. */
    int O_TRUNC = 01000;
    /** {@code open} flag: every write appends. */
    int O_APPEND = 02000;

    /** {@code lseek} origin: from the start. */
    int SEEK_SET = 0;
    /** {@code lseek} origin: from the current offset. */
    int SEEK_CUR = 1;
    /** {@code lseek} origin: from the end. */
    int SEEK_END = 2;

    /** {@code clock_gettime} clock: monotonic, for measuring intervals. */
    int CLOCK_MONOTONIC = 1;
    /** {@code clock_gettime} clock: wall-clock time since the epoch. */
    int CLOCK_REALTIME = 0;

    /** {@code socket} domain: IPv4. */
    int AF_INET = 2;
    /** {@code socket} type: a TCP stream. */
    int SOCK_STREAM = 1;
    /** {@code socket} type: UDP datagrams. */
    int SOCK_DGRAM = 2;
    /** {@code socket} type flag: calls on this socket never wait ({@link Errno#EAGAIN} instead). */
    int SOCK_NONBLOCK = 04000;
    /** {@code send}/{@code recv} flag: this call does not wait. */
    int MSG_DONTWAIT = 0x40;
    /** {@code shutdown}: no more receiving. */
    int SHUT_RD = 0;
    /** {@code shutdown}: no more sending (TCP sends its FIN once the queued data is out). */
    int SHUT_WR = 1;
    /** {@code shutdown}: both. */
    int SHUT_RDWR = 2;

    /** {@code poll} event: data (or a connection to accept, or the end of the stream) to read. */
    short POLLIN = 0x1;
    /** {@code poll} event: room to send. */
    short POLLOUT = 0x4;
    /** {@code poll} event: an error is pending (a failed connect, a reset). */
    short POLLERR = 0x8;
    /** {@code poll} event: the peer hung up. */
    short POLLHUP = 0x10;
    /** {@code poll} event: not an open descriptor. */
    short POLLNVAL = 0x20;
    /** Bytes of one {@code struct pollfd}: {@code int fd} at 0, {@code short events} at 4, {@code short revents} at 6. */
    int POLLFD_BYTES = 8;

    // ---- memory ----

    /** Allocates {@code bytes} (16-byte aligned, uninitialised) from the user heap. */
    MemorySegment malloc(long bytes);

    /** Allocates {@code count * size} zeroed bytes from the user heap. */
    MemorySegment calloc(long count, long size);

    /** Resizes a block from {@link #malloc}, keeping its contents up to the smaller size; may move it. */
    MemorySegment realloc(MemorySegment block, long bytes);

    /** Returns a block from {@link #malloc}, {@link #calloc} or {@link #realloc}. Freeing twice is an error ({@link Errno#EINVAL}). */
    void free(MemorySegment block);

    /** Maps {@code bytes} (rounded up to pages) of zeroed user memory. */
    MemorySegment mmap(long bytes);

    /** Unmaps a mapping returned by {@link #mmap}. */
    void munmap(MemorySegment mapping);

    // ---- files ----

    /**
     * Opens {@code path}; returns a file descriptor. Host files given at boot are read-only under
     * {@code /host/}; {@code /proc/net} shows the network's addresses, counters and sockets.
     */
    int open(String path, int flags);

    /** Reads up to {@code buffer.byteSize()} bytes into {@code buffer}; returns the count, 0 at end of file. On a socket: {@link #recv} with no flags. */
    long read(int fd, MemorySegment buffer);

    /** Writes all of {@code buffer}; returns the count. On a socket: {@link #send} with no flags (which may queue less). */
    long write(int fd, MemorySegment buffer);

    /** Writes {@code text} as UTF-8 (a convenience over {@link #write(int, MemorySegment)}, still one system call). */
    long write(int fd, String text);

    /** Moves the file offset; returns the new offset. */
    long lseek(int fd, long offset, int whence);

    /** Closes a file descriptor or a socket (a TCP connection then ends with FIN, or RST if received data was left unread). */
    void close(int fd);

    /** Metadata of {@code path}. */
    FileStat stat(String path);

    // ---- sockets ----

    /**
     * Creates a socket: {@code domain} {@link #AF_INET}, {@code type} {@link #SOCK_STREAM} (TCP)
     * or {@link #SOCK_DGRAM} (UDP), optionally or-ed with {@link #SOCK_NONBLOCK}, {@code protocol}
     * 0 or the type's own (6, 17); returns its descriptor.
     *
     * @throws SysError {@link Errno#EAFNOSUPPORT} if the kernel has no network, {@link Errno#ENOBUFS}
     *     if every socket is in use
     */
    int socket(int domain, int type, int protocol);

    /** Gives the socket its local address (address 0: any; port 0: a free one). {@link Errno#EADDRINUSE} if taken. */
    void bind(int fd, SockAddr address);

    /** Makes a TCP socket accept connections, at most {@code backlog} of them waiting (bound to a free port if unbound). */
    void listen(int fd, int backlog);

    /** Takes the next established connection of a listening socket; returns its descriptor (its peer: {@link #getpeername}). */
    int accept(int fd);

    /**
     * TCP: connects to {@code address} (three-way handshake); waits for the outcome unless the
     * socket is nonblocking, which fails with {@link Errno#EINPROGRESS} and reports the outcome
     * later ({@link #POLLOUT} or {@link #POLLERR} from {@link #poll}, then another connect:
     * {@link Errno#EISCONN} on success, else the error). {@link Errno#ECONNREFUSED} if the peer
     * resets, {@link Errno#ETIMEDOUT} if it never answers. UDP: sets the default destination
     * and accepts datagrams from that address only.
     */
    void connect(int fd, SockAddr address);

    /**
     * Queues bytes of {@code buffer} for sending; returns how many, at least one: as many as
     * there is room for (TCP) or all of the datagram (UDP, at most 1472 bytes). Waits for room
     * unless nonblocking. {@link Errno#EPIPE} once sending is shut down, {@link Errno#ECONNRESET}
     * after a reset, {@link Errno#ENOTCONN} before a connection.
     */
    long send(int fd, MemorySegment buffer, int flags);

    /**
     * Receives into {@code buffer}; returns the count, 0 at the end of the stream (the peer's
     * FIN, or {@code shutdown(SHUT_RD)}). Waits for data unless nonblocking.
     * {@link Errno#ECONNRESET} if the connection was reset.
     */
    long recv(int fd, MemorySegment buffer, int flags);

    /** UDP: sends {@code buffer} as one datagram to {@code destination} (binding the socket to a free port first if unbound). */
    long sendto(int fd, MemorySegment buffer, int flags, SockAddr destination);

    /** UDP: receives one datagram into {@code buffer}, with its source. Waits unless nonblocking. */
    Datagram recvfrom(int fd, MemorySegment buffer, int flags);

    /** Shuts down receiving ({@link #SHUT_RD}), sending ({@link #SHUT_WR}) or both; the descriptor stays open. */
    void shutdown(int fd, int how);

    /**
     * Waits until one of {@code nfds} descriptors in {@code fds} (user memory holding
     * {@code struct pollfd}s, {@link #POLLFD_BYTES} each) is ready for its {@code events}, or
     * {@code timeoutMillis} pass (negative: no limit; 0: do not wait); writes each
     * {@code revents} and returns how many descriptors have some.
     */
    int poll(MemorySegment fds, int nfds, int timeoutMillis);

    /** The socket's local address. */
    SockAddr getsockname(int fd);

    /** The address of the socket's peer; {@link Errno#ENOTCONN} if it has none. */
    SockAddr getpeername(int fd);

    // ---- time, process, threads ----

    /** The time of {@code clock} ({@link #CLOCK_MONOTONIC} or {@link #CLOCK_REALTIME}) in nanoseconds. */
    long clockGettime(int clock);

    /** This program's process id (one program per kernel instance). */
    int getpid();

    /** Starts {@code body} on a new task of this program (a platform thread, in domain {@code USER}); returns its id. */
    int threadSpawn(Runnable body);

    /** Waits for a task started by {@link #threadSpawn}; rethrows what killed it as {@link SysError} ({@link Errno#ECHILD}). */
    void threadJoin(int tid);

    /**
     * The calling task's private memory, under {@code --domains per-task}: the region of the
     * task's own domain, zeroed when the task started, which no other task may touch (nor the
     * kernel: it is no buffer for {@code read}/{@code write}, which want user memory). The
     * same segment on every call; it is the task's until the task is reaped.
     *
     * @throws SysError {@link Errno#ENOSYS} if the kernel runs without {@code --domains per-task},
     *     or the caller is not a task started by {@link #threadSpawn} (the program's main task
     *     runs in {@code USER})
     */
    MemorySegment taskMemory();

    /** Lets other tasks run. */
    void yield();

    /** Ends the program with {@code status}; does not return. */
    void exit(int status);
}
