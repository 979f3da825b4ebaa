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
    static final int MAP_SHARED = 0x01;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_FIXED = 0x10;
    static final int MAP_NORESERVE = 0x4000;
    static final long PAGE = 4096;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle MMAP = capturing("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MEMFD_CREATE = capturing("memfd_create",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FTRUNCATE = capturing("ftruncate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle CLOSE = capturing("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle MUNMAP = capturing("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    /** mprotect sits on the mprotect backend's crossing path: no errno capture, critical downcall. */
    private static final MethodHandle MPROTECT = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("mprotect"),
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), Linker.Option.critical(false));
    private static final Optional<MethodHandle> PKEY_ALLOC = optionalCapturing("pkey_alloc",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final Optional<MethodHandle> PKEY_FREE = optionalCapturing("pkey_free",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final Optional<MethodHandle> PKEY_MPROTECT = optionalCapturing("pkey_mprotect",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT));

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

    /** Reserves {@code bytes} of address space, inaccessible, to be mapped over with {@code MAP_FIXED}. */
    static long reserve(long bytes) {
        return mmap(0, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1);
    }

    /** Maps fresh read-write anonymous memory exactly at {@code address} (inside a reservation). */
    static void mmapAnonymousAt(long address, long bytes) {
        mmap(address, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1);
    }

    /**
     * Maps {@code bytes} of shared memory twice, the first view exactly at {@code address}
     * (inside a reservation), the second anywhere; returns the second view's address. Both alias
     * the same pages (a memfd), so an emulated device can reach buffers through its own mapping
     * while the domain view is protected, as a hypervisor reaches guest memory.
     */
    static long mmapAliasedAt(String name, long address, long bytes) {
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            fd = (int) MEMFD_CREATE.invokeExact(state, arena.allocateFrom(name), 1 /* MFD_CLOEXEC */);
            if (fd < 0) {
                throw new IllegalStateException("memfd_create failed, errno " + errno(state));
            }
            int rc = (int) FTRUNCATE.invokeExact(state, fd, bytes);
            if (rc != 0) {
                throw new IllegalStateException("ftruncate failed, errno " + errno(state));
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
        try {
            mmap(address, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd);
            return mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd);
        } finally {
            try (Arena arena = Arena.ofConfined()) {
                int ignored = (int) CLOSE.invokeExact(arena.allocate(CAPTURE), fd);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    private static long mmap(long address, long bytes, int prot, int flags, int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment addr = (MemorySegment) MMAP.invokeExact(state, MemorySegment.ofAddress(address), bytes, prot, flags, fd, 0L);
            if (addr.address() == -1L) {
                throw new IllegalStateException("mmap of " + bytes + " bytes failed, errno " + errno(state));
            }
            return addr.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void munmap(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) MUNMAP.invokeExact(state, MemorySegment.ofAddress(address), bytes);
            if (rc != 0) {
                throw new IllegalStateException("munmap failed, errno " + errno(state));
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** mprotect without errno capture; throws on failure (which means a bug in our bookkeeping). */
    static void mprotect(long address, long bytes, int prot) {
        int rc;
        try {
            rc = (int) MPROTECT.invokeExact(address, bytes, prot);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (rc != 0) {
            throw new IllegalStateException(String.format("mprotect(0x%x, %d, %d) failed", address, bytes, prot));
        }
    }

    /** Whether glibc offers the pkey_* wrappers at all. */
    static boolean hasPkeyCalls() {
        return PKEY_ALLOC.isPresent() && PKEY_FREE.isPresent() && PKEY_MPROTECT.isPresent();
    }

    /** pkey_alloc(0, rights): a key number, or -1 with errno (EINVAL/ENOSPC where PKU is absent). */
    static Result pkeyAlloc(int initialRights) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int key = (int) PKEY_ALLOC.orElseThrow().invokeExact(state, 0, initialRights);
            return new Result(key, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static Result pkeyFree(int key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) PKEY_FREE.orElseThrow().invokeExact(state, key);
            return new Result(rc, errno(state));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static Result pkeyMprotect(long address, long bytes, int prot, int key) {
        try (Arena arena = Arena.ofConfined()) {
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
