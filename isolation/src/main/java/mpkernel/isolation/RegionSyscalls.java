package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.isolation.MachineCode.*;

/**
 * The system calls that change or remove the protection of domain memory, issued from one
 * generated {@code syscall} instruction. {@link Confinement} lets these calls touch domain
 * regions only when they come from that instruction's address ({@link #SYSCALL_RETURN}), so
 * the isolation's own switches work while the same calls from anywhere else in the process
 * (user code, a library, glibc's wrappers) are refused.
 */
final class RegionSyscalls {

    private RegionSyscalls() {
    }

    static final int SYS_MPROTECT = 10;
    static final int SYS_MUNMAP = 11;
    static final int SYS_PKEY_MPROTECT = 329;

    private static final int[][] STUB = {MOV_R10_RCX, MOV_EAX_R8D, SYSCALL, RET};

    /** Where the stub lives. */
    private static final long STUB_ADDRESS = MachineCode.place(code(STUB));

    /** The address right after the stub's {@code syscall}: what the kernel reports as the caller's instruction pointer. */
    static final long SYSCALL_RETURN = STUB_ADDRESS + length(MOV_R10_RCX, MOV_EAX_R8D, SYSCALL);

    /** {@code long sys(long a0, long a1, long a2, long a3, int nr)}: the raw result, {@code -errno} on failure. */
    private static final MethodHandle SYS = java.lang.foreign.Linker.nativeLinker().downcallHandle(
            java.lang.foreign.MemorySegment.ofAddress(STUB_ADDRESS),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT),
            java.lang.foreign.Linker.Option.critical(false));

    /**
     * {@code int roomFor(long stackLimit)}: 1 if the calling thread has {@link ThreadState#HEADROOM}
     * bytes of stack above {@code stackLimit}, else 0. The mprotect gates' version of the check
     * the PKRU stubs make themselves.
     */
    private static final MethodHandle ROOM = function(code(
            leaRaxRspMinus(ThreadState.HEADROOM), CMP_RAX_RDI, SETAE_AL, MOVZX_EAX_AL, RET),
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG));

    /** {@code mprotect} of a domain range; throws on failure, which means broken bookkeeping. */
    static void mprotect(long address, long bytes, int prot) {
        long rc = sys(address, bytes, prot, 0, SYS_MPROTECT);
        if (rc != 0) {
            throw new IllegalStateException(String.format("mprotect(0x%x, %d, %d) failed, errno %d", address, bytes, prot, -rc));
        }
    }

    /**
     * {@code pkey_mprotect} of a domain range: read-write pages tagged with {@code key}. The
     * key cache re-tags virtual domains with it, confined or not.
     */
    static void pkeyMprotect(long address, long bytes, int key) {
        long rc = sys(address, bytes, Libc.PROT_READ | Libc.PROT_WRITE, key, SYS_PKEY_MPROTECT);
        if (rc != 0) {
            throw new IllegalStateException(String.format("pkey_mprotect(0x%x, %d, rw, %d) failed, errno %d", address, bytes, key, -rc));
        }
    }

    /** {@code munmap} of a domain range. */
    static void munmap(long address, long bytes) {
        long rc = sys(address, bytes, 0, 0, SYS_MUNMAP);
        if (rc != 0) {
            throw new IllegalStateException(String.format("munmap(0x%x, %d) failed, errno %d", address, bytes, -rc));
        }
    }

    /** Whether the calling thread has the stack headroom a gate needs. */
    static boolean roomFor(long stackLimit) {
        try {
            return (int) ROOM.invokeExact(stackLimit) != 0;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static long sys(long a0, long a1, long a2, long a3, int nr) {
        try {
            return (long) SYS.invokeExact(a0, a1, a2, a3, nr);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
