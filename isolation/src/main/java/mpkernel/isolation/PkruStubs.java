package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static mpkernel.isolation.MachineCode.*;

/**
 * The PKRU instructions, as generated stubs. Loaded only by the {@code mpk} backend: executing
 * RDPKRU or WRPKRU on a CPU without PKU kills the process with SIGILL, so nothing here runs
 * before {@link Pku#probe()} said yes.
 *
 * <p>A gate costs exactly two downcalls: {@link #swap} on the way in (it returns the value to
 * restore, so no Java-side bookkeeping of the previous PKRU is needed) and {@link #write} on
 * the way out. Every WRPKRU is followed by LFENCE, as in the artifact, so no later instruction
 * runs speculatively under the old rights.
 */
final class PkruStubs {

    private PkruStubs() {
    }

    /** {@code int swap(int pkru)}: reads PKRU, writes {@code pkru}, returns the old value. */
    static final MethodHandle SWAP = function(code(
            XOR_ECX_ECX, RDPKRU,          // eax = PKRU (edx = 0, ecx must be 0)
            MOV_ESI_EAX,                  // keep the old value
            MOV_EAX_EDI, XOR_EDX_EDX,     // eax = new value, ecx = edx = 0 as WRPKRU requires
            WRPKRU, LFENCE,
            MOV_EAX_ESI, RET), FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** {@code void write(int pkru)}: {@code mov eax,edi; xor ecx,ecx; xor edx,edx; wrpkru; lfence; ret}. */
    static final MethodHandle WRITE = function(code(
            MOV_EAX_EDI, XOR_ECX_ECX, XOR_EDX_EDX, WRPKRU, LFENCE, RET),
            FunctionDescriptor.ofVoid(JAVA_INT));

    /** {@code int read()}: the current PKRU. */
    static final MethodHandle READ = function(code(XOR_ECX_ECX, RDPKRU, RET), FunctionDescriptor.of(JAVA_INT));

    static int swap(int pkru) {
        try {
            return (int) SWAP.invokeExact(pkru);
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
