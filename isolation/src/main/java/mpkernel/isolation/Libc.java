package mpkernel.isolation;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** The few libc calls the isolation core needs, as FFM downcalls. Boot-time calls capture errno. */
final class Libc {

    static final int PROT_NONE = 0;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int PROT_EXEC = 4;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_FIXED = 0x10;
    static final int MAP_NORESERVE = 0x4000;
    static final int MAP_FIXED_NOREPLACE = 0x100000;
    static final int PKEY_DISABLE_ACCESS = 0x1;
    static final long PAGE = 4096;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle MMAP = capturing("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = capturing("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MPROTECT = capturing("mprotect", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final Optional<MethodHandle> PKEY_ALLOC = optionalCapturing("pkey_alloc",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final Optional<MethodHandle> PKEY_FREE = optionalCapturing("pkey_free",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final Optional<MethodHandle> PKEY_MPROTECT = optionalCapturing("pkey_mprotect",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT));

    private static final MethodHandle PTHREAD_SELF = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("pthread_self"), FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle PTHREAD_GETATTR_NP = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("pthread_getattr_np"), FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
    private static final MethodHandle PTHREAD_ATTR_GETSTACK = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("pthread_attr_getstack"), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle PTHREAD_ATTR_DESTROY = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("pthread_attr_destroy"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle GETPID = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getpid"), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle PRCTL = capturing("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code long syscall(long nr, ...)}, with the variadic part declared as three longs. */
    private static final MethodHandle SYSCALL3 = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            ERRNO_OPTION, Linker.Option.firstVariadicArg(1));

    /** Size reserved for a glibc {@code pthread_attr_t} (56 bytes on x86-64). */
    private static final long PTHREAD_ATTR_BYTES = 64;

    private Libc() {
    }

    /** Result of a call: its return value and the errno it left (meaningful only on failure). */
    record Result(long value, int errno) {
        boolean failed() {
            return value == -1;
        }
    }

    static MethodHandle capturing(String name, FunctionDescriptor fd) {
        return optionalCapturing(name, fd).orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }

    private static Optional<MethodHandle> optionalCapturing(String name, FunctionDescriptor fd) {
        return LINKER.defaultLookup().find(name).map(addr -> LINKER.downcallHandle(addr, fd, ERRNO_OPTION));
    }

    /** Maps {@code bytes} of fresh anonymous memory, reserved lazily; returns its address. */
    static long mmapAnonymous(long bytes, int prot) {
        return mmap(0, bytes, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1);
    }

    /**
     * Reserves {@code bytes} of address space, inaccessible, to be mapped over with {@code MAP_FIXED}:
     * anywhere if {@code at} is 0, else exactly at {@code at} or not at all (a parent process chose
     * the address and computed the layout itself, so it never has to read it back from this one).
     */
    static long reserve(long bytes, long at) {
        if (at == 0) {
            return mmap(0, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1);
        }
        long got = mmap(at, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1);
        if (got != at) {
            if (got != -1) {
                munmap(got, bytes);
            }
            throw new IsolationUnavailableException(String.format(
                    "cannot place the domain regions at 0x%x: that address range is taken in this process", at));
        }
        return got;
    }

    /** Maps fresh read-write anonymous memory exactly at {@code address} (inside a reservation). */
    static void mmapAnonymousAt(long address, long bytes) {
        mmap(address, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1);
    }

    private static long mmap(long address, long bytes, int prot, int flags, int fd) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment addr = (MemorySegment) MMAP.invokeExact(state, MemorySegment.ofAddress(address), bytes, prot, flags, fd, 0L);
            if (addr.address() == -1L) {
                if ((flags & MAP_FIXED_NOREPLACE) != 0) {
                    return -1;
                }
                throw new IllegalStateException("mmap of " + bytes + " bytes failed, errno " + errno(state));
            }
            return addr.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void munmap(long address, long bytes) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) MUNMAP.invokeExact(state, MemorySegment.ofAddress(address), bytes);
            if (rc != 0) {
                throw new IllegalStateException("munmap failed, errno " + errno(state));
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** glibc's mprotect; throws on failure. (The mprotect backend switches through {@link RegionSyscalls}.) */
    static void mprotect(long address, long bytes, int prot) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) MPROTECT.invokeExact(state, MemorySegment.ofAddress(address), bytes, prot);
            if (rc != 0) {
                throw new IllegalStateException(String.format("mprotect(0x%x, %d, %d) failed, errno %d", address, bytes, prot, errno(state)));
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The lowest address of the calling thread's stack, guard zones included, or 0 if glibc
     * cannot tell. Read once per thread: the gates keep their stack headroom above it.
     */
    static long stackLow() {
        try {
            Arena arena = Scratch.arena();
            MemorySegment attr = arena.allocate(PTHREAD_ATTR_BYTES, 16);
            long self = (long) PTHREAD_SELF.invokeExact();
            if ((int) PTHREAD_GETATTR_NP.invokeExact(self, attr) != 0) {
                return 0;
            }
            MemorySegment addr = arena.allocate(JAVA_LONG);
            MemorySegment size = arena.allocate(JAVA_LONG);
            int rc = (int) PTHREAD_ATTR_GETSTACK.invokeExact(attr, addr, size);
            int ignored = (int) PTHREAD_ATTR_DESTROY.invokeExact(attr);
            return rc == 0 ? addr.get(JAVA_LONG, 0) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code prctl(option, a2, a3, a4, a5)}. */
    static Result prctl(int option, long a2, long a3, long a4, long a5) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) PRCTL.invokeExact(state, option, a2, a3, a4, a5);
            return new Result(rc, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code syscall(nr, a1, a2, a3)} through glibc, for calls glibc has no wrapper of (seccomp). */
    static Result syscall(long nr, long a1, long a2, long a3) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            long rc = (long) SYSCALL3.invokeExact(state, nr, a1, a2, a3);
            return new Result(rc, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static final int SYS_MEMBARRIER = 324;
    static final int MEMBARRIER_CMD_PRIVATE_EXPEDITED = 1 << 3;
    static final int MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED = 1 << 4;

    /** {@code membarrier(cmd, 0, 0)}: see {@link KeyHolders#fence}. */
    static Result membarrier(int cmd) {
        return syscall(SYS_MEMBARRIER, cmd, 0, 0);
    }

    /** Whether glibc offers the pkey_* wrappers at all. */
    static boolean hasPkeyCalls() {
        return PKEY_ALLOC.isPresent() && PKEY_FREE.isPresent() && PKEY_MPROTECT.isPresent();
    }

    /** pkey_alloc(0, rights): a key number, or -1 with errno (EINVAL/ENOSPC where PKU is absent). */
    static Result pkeyAlloc(int initialRights) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            int key = (int) PKEY_ALLOC.orElseThrow().invokeExact(state, 0, initialRights);
            return new Result(key, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static Result pkeyFree(int key) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) PKEY_FREE.orElseThrow().invokeExact(state, key);
            return new Result(rc, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static Result pkeyMprotect(long address, long bytes, int prot, int key) {
        try {
            Arena arena = Scratch.arena();
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) PKEY_MPROTECT.orElseThrow().invokeExact(state, MemorySegment.ofAddress(address), bytes, prot, key);
            return new Result(rc, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
