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
 *
 * <p>Every stub gets a page of its own inside one reserved code area ({@link #area()}):
 * {@link Confinement} forbids changing, unmapping or mapping over that area, so the
 * instructions a gate runs cannot be rewritten through the OS.
 */
final class MachineCode {

    private MachineCode() {
    }

    /** Pages in the code area: far more than the dozen stubs the project makes. */
    private static final int AREA_PAGES = 64;

    /** The code area, reserved inaccessible; stubs are mapped into it page by page. */
    private static final long AREA = Libc.reserve(AREA_PAGES * Libc.PAGE, 0);

    private static int used;

    /** Maps {@code code} executable and returns a critical downcall handle of type {@code fd}. */
    static MethodHandle function(byte[] code, FunctionDescriptor fd) {
        return Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(place(code)), fd, Linker.Option.critical(false));
    }

    /** Maps {@code code} on a page of its own in the code area, read+execute; returns its address. */
    static synchronized long place(byte[] code) {
        if (code.length > Libc.PAGE) {
            throw new IllegalArgumentException("stub of " + code.length + " bytes does not fit a page");
        }
        if (used == AREA_PAGES) {
            throw new IllegalStateException("the code area's " + AREA_PAGES + " pages are used up");
        }
        long page = AREA + Libc.PAGE * used++;
        Libc.mmapAnonymousAt(page, Libc.PAGE);
        MemorySegment.ofAddress(page).reinterpret(Libc.PAGE).copyFrom(MemorySegment.ofArray(code));
        Libc.mprotect(page, Libc.PAGE, Libc.PROT_READ | Libc.PROT_EXEC);
        return page;
    }

    /** The code area: {@code [start, end)}. */
    static long[] area() {
        return new long[] {AREA, AREA + AREA_PAGES * Libc.PAGE};
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

    /** Bytes in {@code instructions}. */
    static int length(int[]... instructions) {
        int n = 0;
        for (int[] insn : instructions) {
            n += insn.length;
        }
        return n;
    }

    // The instructions used by the stubs, System V AMD64 ABI: integer arguments in rdi, rsi, rdx,
    // rcx, r8; result in rax.
    static final int[] MOV_EAX_EDI = {0x89, 0xf8};
    static final int[] MOV_ESI_EAX = {0x89, 0xc6};
    static final int[] MOV_EAX_ESI = {0x89, 0xf0};
    static final int[] MOV_R8D_EAX = {0x41, 0x89, 0xc0};
    static final int[] MOV_EAX_R8D = {0x44, 0x89, 0xc0};
    static final int[] MOV_R10_RCX = {0x49, 0x89, 0xca};
    static final int[] XOR_ECX_ECX = {0x31, 0xc9};
    static final int[] XOR_EDX_EDX = {0x31, 0xd2};
    static final int[] CMP_RAX_RSI = {0x48, 0x39, 0xf0};
    static final int[] CMP_RAX_RDI = {0x48, 0x39, 0xf8};
    static final int[] SETAE_AL = {0x0f, 0x93, 0xc0};
    static final int[] MOVZX_EAX_AL = {0x0f, 0xb6, 0xc0};
    static final int[] MOV_RAX_MINUS_1 = {0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff};
    static final int[] MOV_RAX_MINUS_2 = {0x48, 0xc7, 0xc0, 0xfe, 0xff, 0xff, 0xff};
    /** {@code cmp [rdx], rcx}: the 64-bit word at rdx against rcx. */
    static final int[] CMP_MEM_RDX_RCX = {0x48, 0x39, 0x0a};
    static final int[] RDPKRU = {0x0f, 0x01, 0xee};
    static final int[] WRPKRU = {0x0f, 0x01, 0xef};
    static final int[] LFENCE = {0x0f, 0xae, 0xe8};
    static final int[] SYSCALL = {0x0f, 0x05};
    static final int[] RET = {0xc3};

    /** {@code lea rax, [rsp - bytes]}. */
    static int[] leaRaxRspMinus(int bytes) {
        int d = -bytes;
        return new int[] {0x48, 0x8d, 0x84, 0x24, d & 0xff, (d >>> 8) & 0xff, (d >>> 16) & 0xff, (d >>> 24) & 0xff};
    }

    /** {@code jb rel8}: jump {@code skip} bytes ahead when the last comparison was unsigned below. */
    static int[] jb(int skip) {
        return shortJump(0x72, skip);
    }

    /** {@code jne rel8}: jump {@code skip} bytes ahead when the last comparison found a difference. */
    static int[] jne(int skip) {
        return shortJump(0x75, skip);
    }

    private static int[] shortJump(int opcode, int skip) {
        if (skip < 0 || skip > 127) {
            throw new IllegalArgumentException("a short jump reaches 127 bytes, not " + skip);
        }
        return new int[] {opcode, skip};
    }

    /** {@code mov eax, imm32}. */
    static int[] movEaxImm32(int imm) {
        return new int[] {0xb8, imm & 0xff, (imm >>> 8) & 0xff, (imm >>> 16) & 0xff, (imm >>> 24) & 0xff};
    }

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

    /** {@code jnz rel8} back to the start of a loop of {@code bytes} bytes, this jump included. */
    static int[] jnzBack(int bytes) {
        if (bytes < 2 || bytes > 128) {
            throw new IllegalArgumentException("jnz rel8 reaches back 2..128 bytes, not " + bytes);
        }
        return new int[] {0x75, -bytes & 0xff};
    }

    static final int[] XOR_EAX_EAX = {0x31, 0xc0};
    static final int[] ADD_EAX_1 = {0x83, 0xc0, 0x01};
    static final int[] DEC_RDI = {0x48, 0xff, 0xcf};
    static final int[] MOV_EAX_MEM_RDX = {0x8b, 0x02};
    static final int[] MOV_MEM_RDX_EDI = {0x89, 0x3a};
}
