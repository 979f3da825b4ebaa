package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.isolation.MachineCode.*;

/**
 * Benchmark support: two loops in generated machine code, for timing the hardware itself
 * rather than a gate. One downcall runs a whole loop, so the call's own cost is spread over
 * thousands of iterations and what is left per iteration is the loop body.
 *
 * <ul>
 *   <li>{@link #wrpkru}: {@code WRPKRU; LFENCE} per iteration, writing back the value PKRU
 *       already holds, so no right changes and the loop is harmless wherever PKU exists. This
 *       is the pair every {@code mpk} gate crossing executes.
 *   <li>{@link #addChain}: {@link #ADDS_PER_ITERATION} dependent {@code add eax, 1} per
 *       iteration. Each add needs the previous one's result and takes one cycle on every
 *       x86-64 core, so nanoseconds per add is the length of one cycle at the clock the core
 *       really ran at (turbo and power states included), which a nominal clock is not.
 * </ul>
 *
 * <p>{@link #wrpkru} executes WRPKRU: on a CPU without PKU it kills the process with SIGILL,
 * so it refuses to run unless {@link Pku#probe()} said yes.
 */
public final class CycleLoops {

    /** Dependent adds per iteration of {@link #addChain}. */
    public static final int ADDS_PER_ITERATION = 16;

    private CycleLoops() {
    }

    /**
     * {@code int loop(long n)}: ecx = edx = 0 and eax = PKRU once (RDPKRU), then n times
     * {@code wrpkru; lfence}, the counter in rdi (no instruction of the loop touches eax, ecx
     * or edx); returns PKRU as written, which is what was read.
     */
    private static final MethodHandle WRPKRU_LOOP = function(code(
            XOR_ECX_ECX, RDPKRU, XOR_EDX_EDX,
            WRPKRU, LFENCE, DEC_RDI, jnzBack(WRPKRU.length + LFENCE.length + DEC_RDI.length + 2),
            RET), FunctionDescriptor.of(JAVA_INT, JAVA_LONG));

    private static final MethodHandle ADD_LOOP = function(addLoop(), FunctionDescriptor.of(JAVA_INT, JAVA_LONG));

    private static byte[] addLoop() {
        int[][] insns = new int[ADDS_PER_ITERATION + 4][];
        insns[0] = XOR_EAX_EAX;
        for (int i = 1; i <= ADDS_PER_ITERATION; i++) {
            insns[i] = ADD_EAX_1;
        }
        insns[ADDS_PER_ITERATION + 1] = DEC_RDI;
        insns[ADDS_PER_ITERATION + 2] = jnzBack(ADDS_PER_ITERATION * ADD_EAX_1.length + DEC_RDI.length + 2);
        insns[ADDS_PER_ITERATION + 3] = RET;
        return code(insns);
    }

    /**
     * Runs {@code WRPKRU; LFENCE} {@code iterations} times, rewriting the current PKRU value;
     * returns that value.
     *
     * @throws IllegalArgumentException if {@code iterations < 1}
     * @throws IsolationUnavailableException where the CPU or the OS offers no PKU
     */
    public static int wrpkru(long iterations) {
        positive(iterations);
        Pku pku = Pku.probe();
        if (!pku.available()) {
            throw new IsolationUnavailableException("WRPKRU needs PKU, and this machine has none: " + pku.describe());
        }
        try {
            return (int) WRPKRU_LOOP.invokeExact(iterations);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Runs {@code iterations} x {@link #ADDS_PER_ITERATION} dependent adds; returns their sum (truncated to 32 bits). */
    public static int addChain(long iterations) {
        positive(iterations);
        try {
            return (int) ADD_LOOP.invokeExact(iterations);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The loops count down to zero: zero or less would run 2^64 times. */
    private static void positive(long iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("a loop needs at least one iteration, got " + iterations);
        }
    }
}
