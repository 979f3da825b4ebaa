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

    /** Opens {@code path}; returns a file descriptor. Host files given at boot are read-only under {@code /host/}. */
    int open(String path, int flags);

    /** Reads up to {@code buffer.byteSize()} bytes into {@code buffer}; returns the count, 0 at end of file. */
    long read(int fd, MemorySegment buffer);

    /** Writes all of {@code buffer}; returns the count. */
    long write(int fd, MemorySegment buffer);

    /** Writes {@code text} as UTF-8 (a convenience over {@link #write(int, MemorySegment)}, still one system call). */
    long write(int fd, String text);

    /** Moves the file offset; returns the new offset. */
    long lseek(int fd, long offset, int whence);

    /** Closes a file descriptor. */
    void close(int fd);

    /** Metadata of {@code path}. */
    FileStat stat(String path);

    // ---- time, process, threads ----

    /** The time of {@code clock} ({@link #CLOCK_MONOTONIC} or {@link #CLOCK_REALTIME}) in nanoseconds. */
    long clockGettime(int clock);

    /** This program's process id (one program per kernel instance). */
    int getpid();

    /** Starts {@code body} on a new task of this program (a platform thread, in domain {@code USER}); returns its id. */
    int threadSpawn(Runnable body);

    /** Waits for a task started by {@link #threadSpawn}; rethrows what killed it as {@link SysError} ({@link Errno#ECHILD}). */
    void threadJoin(int tid);

    /** Lets other tasks run. */
    void yield();

    /** Ends the program with {@code status}; does not return. */
    void exit(int status);
}
