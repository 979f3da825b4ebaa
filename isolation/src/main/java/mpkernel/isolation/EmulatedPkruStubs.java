package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.isolation.MachineCode.*;

/**
 * The {@link PkruStubs} with the register replaced by one process-wide word of memory: same
 * calling convention, same critical downcalls, same stack-headroom check, no RDPKRU, WRPKRU or
 * LFENCE. Benchmark-only ({@link Backend#MPK_DRY}): the word is shared by all threads and
 * protects nothing.
 */
final class EmulatedPkruStubs {

    private EmulatedPkruStubs() {
    }

    /** The stand-in register: the first word of a private page. */
    private static final long CELL = Libc.mmapAnonymous(Libc.PAGE, Libc.PROT_READ | Libc.PROT_WRITE);

    private static final int[][] SWITCH = {movRdxImm64(CELL), MOV_EAX_MEM_RDX, MOV_MEM_RDX_EDI, RET};

    static final MethodHandle SWAP = function(PkruStubs.checked(SWITCH), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG));

    static final MethodHandle SWAP_IF = function(PkruStubs.checked(PkruStubs.ifEpoch(SWITCH)),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    static final MethodHandle WRITE = function(code(
            movRdxImm64(CELL), MOV_MEM_RDX_EDI, RET), FunctionDescriptor.ofVoid(JAVA_INT));

    static final MethodHandle READ = function(code(
            movRdxImm64(CELL), MOV_EAX_MEM_RDX, RET), FunctionDescriptor.of(JAVA_INT));

    static long swap(int pkru, long stackLimit) {
        try {
            return (long) SWAP.invokeExact(pkru, stackLimit);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long swapIf(int pkru, long stackLimit, long epochCell, long epoch) {
        try {
            return (long) SWAP_IF.invokeExact(pkru, stackLimit, epochCell, epoch);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static void write(int pkru) {
        try {
            WRITE.invokeExact(pkru);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static int read() {
        try {
            return (int) READ.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
