package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import mpkernel.isolation.DomainMemory;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.fs.FileSystem;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;

/**
 * The system calls, as the safe kernel runs them: always inside the gate into
 * {@code SAFE_KERNEL}, under one big kernel lock (tasks of a program may call concurrently).
 * User buffers are checked to lie in user memory before the kernel touches them.
 */
public final class KernelCore {

    private final DomainMemory user;
    private final PageAllocator userPages;
    private final HeapAllocator userHeap;
    private final FileSystem fs;
    private final UnsafeCalls unsafe;
    private final Tasks tasks;
    private final int pid;

    public KernelCore(DomainMemory user, PageAllocator userPages, HeapAllocator userHeap, FileSystem fs, UnsafeCalls unsafe,
                      Tasks tasks, int pid) {
        this.user = user;
        this.userPages = userPages;
        this.userHeap = userHeap;
        this.fs = fs;
        this.unsafe = unsafe;
        this.tasks = tasks;
        this.pid = pid;
    }

    // ---- memory ----

    synchronized MemorySegment malloc(long bytes) {
        return userSlice(userHeap.malloc(bytes), bytes);
    }

    synchronized MemorySegment calloc(long count, long size) {
        if (count < 0 || size < 0 || (size != 0 && count > Long.MAX_VALUE / size)) {
            throw new SysError(Errno.ENOMEM, "calloc(" + count + ", " + size + ") overflows");
        }
        long bytes = count * size;
        long addr = userHeap.malloc(bytes);
        // the unsafe kernel is never handed more than the block it may write
        unsafe.writeBytes(addr, (byte) 0, Math.min(bytes, userHeap.sizeOf(addr)));
        return userSlice(addr, bytes);
    }

    synchronized MemorySegment realloc(MemorySegment block, long bytes) {
        checkUser(block);
        long addr = userHeap.realloc(block.address(), bytes, (from, to, n) -> unsafe.copyNonoverlapping(from, to, n));
        return userSlice(addr, bytes);
    }

    synchronized void free(MemorySegment block) {
        checkUser(block);
        userHeap.free(block.address());
    }

    synchronized MemorySegment mmap(long bytes) {
        if (bytes <= 0) {
            throw new SysError(Errno.EINVAL, "mmap of " + bytes + " bytes");
        }
        if (bytes > user.byteSize()) {
            throw new SysError(Errno.ENOMEM, "mmap of " + bytes + " bytes: the user region has " + user.byteSize());
        }
        long pages = (bytes + PageAllocator.PAGE - 1) / PageAllocator.PAGE;
        long addr = userPages.allocate(pages);
        unsafe.writeBytes(addr, (byte) 0, pages * PageAllocator.PAGE);
        return userSlice(addr, pages * PageAllocator.PAGE);
    }

    synchronized void munmap(MemorySegment mapping) {
        checkUser(mapping);
        long pages = (mapping.byteSize() + PageAllocator.PAGE - 1) / PageAllocator.PAGE;
        userPages.free(mapping.address(), pages);
    }

    // ---- files ----

    synchronized int open(String path, int flags) {
        return fs.open(path, flags);
    }

    synchronized long read(int fd, MemorySegment buffer) {
        checkUser(buffer);
        return fs.read(fd, buffer);
    }

    synchronized long write(int fd, MemorySegment buffer) {
        checkUser(buffer);
        return fs.write(fd, buffer);
    }

    /**
     * Writes heap text: the kernel's own copy of it goes to the file as it is. The console
     * stages it straight into its driver's DMA buffer ({@link UnsafeCalls#consoleWrite}).
     */
    synchronized long write(int fd, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return 0;
        }
        return fs.write(fd, MemorySegment.ofArray(bytes));
    }

    synchronized long lseek(int fd, long offset, int whence) {
        return fs.lseek(fd, offset, whence);
    }

    synchronized void close(int fd) {
        fs.close(fd);
    }

    synchronized FileStat stat(String path) {
        return fs.stat(path);
    }

    /** {@code poll}'s kernel half: file descriptors are looked up under the kernel's lock, sockets by {@code sockets}. */
    synchronized int poll(SocketCalls sockets, MemorySegment fds, int nfds) {
        return sockets.poll(fds, nfds, fs);
    }

    // ---- time, process, tasks ----

    long clockGettime(int clock) {
        return switch (clock) {
            case Sys.CLOCK_MONOTONIC -> System.nanoTime();
            case Sys.CLOCK_REALTIME -> {
                Instant now = Instant.now();
                yield now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }
            default -> throw new SysError(Errno.EINVAL, "clock " + clock);
        };
    }

    int getpid() {
        return pid;
    }

    int threadSpawn(Runnable body) {
        return tasks.spawn(body);
    }

    /** Starts a task {@link #threadSpawn} made; outside every gate. */
    void threadStart(int tid) {
        tasks.start(tid);
    }

    MemorySegment taskMemory() {
        return tasks.ownMemory();
    }

    /** Waits for task {@code tid}; outside every gate (see {@link Tasks#await}). */
    void awaitTask(int tid) {
        tasks.await(tid);
    }

    void threadJoin(int tid) {
        tasks.join(tid);
    }

    void exit(int status) {
        throw new ProgramExit(status);
    }

    // ---- helpers ----

    private MemorySegment userSlice(long addr, long bytes) {
        return user.segment().asSlice(addr - user.address(), bytes);
    }

    /** EFAULT unless {@code s} lies inside user memory. */
    private void checkUser(MemorySegment s) {
        if (!s.isNative() || !user.contains(s.address()) || (s.byteSize() > 0 && !user.contains(s.address() + s.byteSize() - 1))) {
            throw new SysError(Errno.EFAULT, "buffer is not user memory from malloc/mmap");
        }
    }
}
