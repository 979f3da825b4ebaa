package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Tiny x86-64 functions generated at run time: bytes written into an anonymous page, which is
 * then made read+execute (never writable and executable at once), and bound to a critical
 * downcall. A critical downcall skips the thread-state transition, which is what makes a
 * PKRU write cost about as much as a call (~2.75 ns here) rather than a JNI round trip.
 */
final class MachineCode {

    private MachineCode() {
    }

    /** Maps {@code code} executable and returns a critical downcall handle of type {@code fd}. */
    static MethodHandle function(byte[] code, FunctionDescriptor fd) {
        long page = Libc.mmapAnonymous(Libc.PAGE, Libc.PROT_READ | Libc.PROT_WRITE);
        MemorySegment.ofAddress(page).reinterpret(Libc.PAGE).copyFrom(MemorySegment.ofArray(code));
        Libc.mprotect(page, Libc.PAGE, Libc.PROT_READ | Libc.PROT_EXEC);
        return Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(page), fd, Linker.Option.critical(false));
    }

    /** Concatenates instruction byte strings. */
    static byte[] code(int[]... instructions) {
        int n = 0;
        for (int[] insn : instructions) {
            n += insn.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (int[] insn : instructions) {
            for (int b : insn) {
                out[i++] = (byte) b;
            }
        }
        return out;
    }

    // The instructions used by the stubs, System V AMD64 ABI: first int argument in edi, result in eax.
    static final int[] MOV_EAX_EDI = {0x89, 0xf8};
    static final int[] MOV_ESI_EAX = {0x89, 0xc6};
    static final int[] MOV_EAX_ESI = {0x89, 0xf0};
    static final int[] XOR_ECX_ECX = {0x31, 0xc9};
    static final int[] XOR_EDX_EDX = {0x31, 0xd2};
    static final int[] RDPKRU = {0x0f, 0x01, 0xee};
    static final int[] WRPKRU = {0x0f, 0x01, 0xef};
    static final int[] LFENCE = {0x0f, 0xae, 0xe8};
    static final int[] RET = {0xc3};

    /** {@code movabs rdx, imm64}. */
    static int[] movRdxImm64(long imm) {
        int[] insn = new int[10];
        insn[0] = 0x48;
        insn[1] = 0xba;
        for (int i = 0; i < 8; i++) {
            insn[2 + i] = (int) (imm >>> (8 * i)) & 0xff;
        }
        return insn;
    }

    static final int[] MOV_EAX_MEM_RDX = {0x8b, 0x02};
    static final int[] MOV_MEM_RDX_EDI = {0x89, 0x3a};
}
