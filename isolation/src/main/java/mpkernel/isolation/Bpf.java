package mpkernel.isolation;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * A classic-BPF program under construction, as seccomp runs it: a 32-bit accumulator A, an
 * index register X, sixteen scratch words, and forward jumps only. Conditional jumps name
 * labels, resolved by {@link #assemble}, which refuses offsets beyond the 255 instructions a
 * jump can skip.
 */
final class Bpf {

    // opcodes (linux/filter.h, linux/bpf_common.h)
    private static final int LD_ABS = 0x20;
    private static final int LD_IMM = 0x00;
    private static final int LD_MEM = 0x60;
    private static final int LDX_MEM = 0x61;
    private static final int ST = 0x02;
    private static final int SUB_K = 0x14;
    private static final int SUB_X = 0x1c;
    private static final int TAX = 0x07;
    private static final int JA = 0x05;
    private static final int JEQ_K = 0x15;
    private static final int JGT_K = 0x25;
    private static final int JGE_K = 0x35;
    private static final int JSET_K = 0x45;
    private static final int JEQ_X = 0x1d;
    private static final int JGT_X = 0x2d;
    private static final int RET_K = 0x06;

    /** An instruction; {@code jt}/{@code jf} name labels, or are null for "the next instruction". */
    private record Insn(int code, String jt, String jf, int k) {
    }

    private final List<Insn> code = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private int fresh;

    /** A label name not used yet. */
    String newLabel(String hint) {
        return hint + "#" + fresh++;
    }

    /** Places {@code label} at the next instruction. */
    Bpf label(String label) {
        if (labels.putIfAbsent(label, code.size()) != null) {
            throw new IllegalArgumentException("label " + label + " placed twice");
        }
        return this;
    }

    /** A = the 32-bit word at byte {@code offset} of the seccomp data. */
    Bpf load(int offset) {
        return add(LD_ABS, null, null, offset);
    }

    /** A = {@code k}. */
    Bpf loadConstant(int k) {
        return add(LD_IMM, null, null, k);
    }

    /** A = scratch word {@code m}. */
    Bpf loadScratch(int m) {
        return add(LD_MEM, null, null, m);
    }

    /** X = scratch word {@code m}. */
    Bpf loadScratchX(int m) {
        return add(LDX_MEM, null, null, m);
    }

    /** Scratch word {@code m} = A. */
    Bpf store(int m) {
        return add(ST, null, null, m);
    }

    /** X = A. */
    Bpf tax() {
        return add(TAX, null, null, 0);
    }

    /** A = A - X. */
    Bpf subX() {
        return add(SUB_X, null, null, 0);
    }

    /** A = A - k. */
    Bpf sub(int k) {
        return add(SUB_K, null, null, k);
    }

    /** Goes to {@code label}. */
    Bpf jump(String label) {
        return add(JA, label, null, 0);
    }

    /** If A == k go to {@code yes}, else to {@code no} (null: next instruction). */
    Bpf ifEqual(int k, String yes, String no) {
        return add(JEQ_K, yes, no, k);
    }

    /** If A &gt; k (unsigned) go to {@code yes}, else to {@code no}. */
    Bpf ifAbove(int k, String yes, String no) {
        return add(JGT_K, yes, no, k);
    }

    /** If A &ge; k (unsigned) go to {@code yes}, else to {@code no}. */
    Bpf ifAtLeast(int k, String yes, String no) {
        return add(JGE_K, yes, no, k);
    }

    /** If A &amp; k != 0 go to {@code yes}, else to {@code no}. */
    Bpf ifAnyBit(int k, String yes, String no) {
        return add(JSET_K, yes, no, k);
    }

    /** If A == X go to {@code yes}, else to {@code no}. */
    Bpf ifEqualX(String yes, String no) {
        return add(JEQ_X, yes, no, 0);
    }

    /** If A &gt; X (unsigned) go to {@code yes}, else to {@code no}. */
    Bpf ifAboveX(String yes, String no) {
        return add(JGT_X, yes, no, 0);
    }

    /** Returns {@code action} to the kernel. */
    Bpf ret(int action) {
        return add(RET_K, null, null, action);
    }

    private Bpf add(int op, String jt, String jf, int k) {
        code.add(new Insn(op, jt, jf, k));
        return this;
    }

    /** Instructions so far. */
    int size() {
        return code.size();
    }

    /**
     * The program as a {@code struct sock_fprog} (length, then a pointer to 8-byte
     * {@code struct sock_filter} entries) allocated in {@code arena}.
     */
    MemorySegment assemble(Arena arena) {
        if (code.size() > 4096) {
            throw new IllegalStateException("seccomp programs hold at most 4096 instructions, this one " + code.size());
        }
        MemorySegment filters = arena.allocate(8L * code.size(), 8);
        for (int i = 0; i < code.size(); i++) {
            Insn in = code.get(i);
            long at = 8L * i;
            filters.set(JAVA_SHORT, at, (short) in.code());
            if (in.code() == JA) {
                filters.set(JAVA_INT, at + 4, offset(i, in.jt(), Integer.MAX_VALUE));
            } else {
                filters.set(JAVA_BYTE, at + 2, (byte) offset(i, in.jt(), 255));
                filters.set(JAVA_BYTE, at + 3, (byte) offset(i, in.jf(), 255));
                filters.set(JAVA_INT, at + 4, in.k());
            }
        }
        MemorySegment prog = arena.allocate(16, 8);
        prog.set(JAVA_SHORT, 0, (short) code.size());
        prog.set(JAVA_LONG, 8, filters.address());
        return prog;
    }

    private int offset(int at, String label, int max) {
        if (label == null) {
            return 0;
        }
        Integer target = labels.get(label);
        if (target == null) {
            throw new IllegalStateException("label " + label + " never placed");
        }
        int off = target - at - 1;
        if (off < 0 || off > max) {
            throw new IllegalStateException("jump from " + at + " to " + label + " (" + off + " instructions) out of reach");
        }
        return off;
    }
}
