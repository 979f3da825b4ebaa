package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.isolation.MachineCode.*;

/**
 * The PKRU instructions, as generated stubs. Loaded only by the {@code mpk} backend: executing
 * RDPKRU or WRPKRU on a CPU without PKU kills the process with SIGILL, so nothing here runs
 * before {@link Pku#probe()} said yes.
 *
 * <p>A gate costs exactly two downcalls: {@link #swap} on the way in (it returns the value to
 * restore, so no Java-side bookkeeping of the previous PKRU is needed) and {@link #write} on
 * the way out. Every WRPKRU is followed by LFENCE, as in the artifact, so no later instruction
 * runs speculatively under the old rights. {@link #swap} first checks that the thread has
 * {@link ThreadState#HEADROOM} bytes of stack left and refuses to switch otherwise: the way back
 * out of the gate must never be able to overflow the stack with the new rights in force.
 */
final class PkruStubs {

    private PkruStubs() {
    }

    private static final int[][] SWITCH = {
            XOR_ECX_ECX, RDPKRU,          // eax = PKRU (edx = 0, ecx must be 0)
            MOV_R8D_EAX,                  // keep the old value
            MOV_EAX_EDI, XOR_EDX_EDX,     // eax = new value, ecx = edx = 0 as WRPKRU requires
            WRPKRU, LFENCE,
            MOV_EAX_R8D, RET};            // the old value, zero-extended: never negative

    /**
     * {@code long swap(int pkru, long stackLimit)}: if {@code rsp - HEADROOM} is below
     * {@code stackLimit}, returns -1 and changes nothing; else reads PKRU, writes {@code pkru}
     * and returns the old value.
     */
    static final MethodHandle SWAP = function(checked(SWITCH), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG));

    /**
     * {@code long swapIf(int pkru, long stackLimit, long epochCell, long epoch)}: {@link #SWAP},
     * but only if the 64-bit word at {@code epochCell} still holds {@code epoch}; else returns
     * {@link #MOVED} and changes nothing. The gates into virtual domains pass the key cache's
     * epoch here: the comparison comes after the gate announced the keys it is about to use, so
     * a cache that changes its keys after this read also sees that announcement.
     */
    static final MethodHandle SWAP_IF = function(checked(ifEpoch(SWITCH)),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    /** What {@link #SWAP_IF} returns when the epoch moved. */
    static final long MOVED = -2;

    /** {@code void write(int pkru)}: {@code mov eax,edi; xor ecx,ecx; xor edx,edx; wrpkru; lfence; ret}. */
    static final MethodHandle WRITE = function(code(
            MOV_EAX_EDI, XOR_ECX_ECX, XOR_EDX_EDX, WRPKRU, LFENCE, RET),
            FunctionDescriptor.ofVoid(JAVA_INT));

    /** {@code int read()}: the current PKRU. */
    static final MethodHandle READ = function(code(XOR_ECX_ECX, RDPKRU, RET), FunctionDescriptor.of(JAVA_INT));

    /** {@code body} behind the stack-headroom check of {@link #SWAP} (limit in rsi). */
    static byte[] checked(int[][] body) {
        int[][] all = new int[body.length + 5][];
        all[0] = leaRaxRspMinus(ThreadState.HEADROOM);
        all[1] = CMP_RAX_RSI;
        all[2] = jb(length(body));
        System.arraycopy(body, 0, all, 3, body.length);
        all[body.length + 3] = MOV_RAX_MINUS_1;
        all[body.length + 4] = RET;
        return code(all);
    }

    /** {@code body} (which ends in a return) behind {@code cmp [rdx], rcx}: on a difference, returns {@link #MOVED}. */
    static int[][] ifEpoch(int[][] body) {
        int[][] all = new int[body.length + 4][];
        all[0] = CMP_MEM_RDX_RCX;
        all[1] = jne(length(body));
        System.arraycopy(body, 0, all, 2, body.length);
        all[body.length + 2] = MOV_RAX_MINUS_2;
        all[body.length + 3] = RET;
        return all;
    }

    static long swapIf(int pkru, long stackLimit, long epochCell, long epoch) {
        try {
            return (long) SWAP_IF.invokeExact(pkru, stackLimit, epochCell, epoch);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    static long swap(int pkru, long stackLimit) {
        try {
            return (long) SWAP.invokeExact(pkru, stackLimit);
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
