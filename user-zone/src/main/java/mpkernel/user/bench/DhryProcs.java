package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.user.bench.DhryLayout.*;

import java.lang.foreign.MemorySegment;

/**
 * The Dhrystone 2.1 program (R. P. Weicker, "Dhrystone Benchmark: Rationale for Version 2 and
 * Measurement Rules", SIGPLAN Notices 23(8), 1988; C version 2.1 of May 1988): the main loop and
 * {@code Proc_1 .. Proc_8}, {@code Func_1 .. Func_3}, written from the published program text with
 * every global, record field, string and by-reference parameter in user memory
 * ({@link DhryMemory}). A by-reference parameter is a (block, offset) pair, the Java spelling of a
 * C pointer into a block.
 */
final class DhryProcs {

    private final DhryMemory mem;
    private final MemorySegment g;
    private final MemorySegment frame;

    DhryProcs(DhryMemory memory) {
        this.mem = memory;
        this.g = memory.globals;
        this.frame = memory.frame;
    }

    /** The initialisations before the timed loop, as in the original main program. */
    void initialise() {
        long next = mem.mallocRecord();
        long ptr = mem.mallocRecord();
        g.set(JAVA_LONG, NEXT_PTR_GLOB, next);
        g.set(JAVA_LONG, PTR_GLOB, ptr);
        MemorySegment rec = mem.deref(ptr);
        rec.set(JAVA_LONG, PTR_COMP, next);
        rec.set(JAVA_INT, DISCR, IDENT_1);
        rec.set(JAVA_INT, ENUM_COMP, IDENT_3);
        rec.set(JAVA_INT, INT_COMP, 40);
        DhryStrings.strcpy(rec, STR_COMP, mem.rodata, LIT_SOME);
        DhryStrings.strcpy(frame, STR_1_LOC, mem.rodata, LIT_FIRST);
        g.set(JAVA_INT, arr2(8, 7), 10);
    }

    /** The timed loop: {@code runs} runs through Dhrystone. */
    void run(long runs) {
        int int2Loc = 0;
        for (long runIndex = 1; runIndex <= runs; ++runIndex) {
            proc5();
            proc4();
            frame.set(JAVA_INT, INT_1_LOC, 2);
            int2Loc = 3;
            DhryStrings.strcpy(frame, STR_2_LOC, mem.rodata, LIT_SECOND);
            frame.set(JAVA_INT, ENUM_LOC, IDENT_2);
            g.set(JAVA_INT, BOOL_GLOB, func2(frame, STR_1_LOC, frame, STR_2_LOC) ? 0 : 1);
            while (frame.get(JAVA_INT, INT_1_LOC) < int2Loc) {
                frame.set(JAVA_INT, INT_3_LOC, 5 * frame.get(JAVA_INT, INT_1_LOC) - int2Loc);
                proc7(frame.get(JAVA_INT, INT_1_LOC), int2Loc, frame, INT_3_LOC);
                frame.set(JAVA_INT, INT_1_LOC, frame.get(JAVA_INT, INT_1_LOC) + 1);
            }
            proc8(g, ARR_1_GLOB, g, ARR_2_GLOB, frame.get(JAVA_INT, INT_1_LOC), frame.get(JAVA_INT, INT_3_LOC));
            proc1(g.get(JAVA_LONG, PTR_GLOB));
            for (byte chIndex = 'A'; chIndex <= g.get(JAVA_BYTE, CH_2_GLOB); ++chIndex) {
                if (frame.get(JAVA_INT, ENUM_LOC) == func1(chIndex, (byte) 'C')) {
                    proc6(IDENT_1, frame, ENUM_LOC);
                    DhryStrings.strcpy(frame, STR_2_LOC, mem.rodata, LIT_THIRD);
                    int2Loc = (int) runIndex;
                    g.set(JAVA_INT, INT_GLOB, (int) runIndex);
                }
            }
            int2Loc = int2Loc * frame.get(JAVA_INT, INT_1_LOC);
            frame.set(JAVA_INT, INT_1_LOC, int2Loc / frame.get(JAVA_INT, INT_3_LOC));
            int2Loc = 7 * (int2Loc - frame.get(JAVA_INT, INT_3_LOC)) - frame.get(JAVA_INT, INT_1_LOC);
            proc2(frame, INT_1_LOC);
        }
        frame.set(JAVA_INT, INT_2_LOC, int2Loc);
    }

    private void proc1(long ptrValPar) {
        MemorySegment ptrVal = mem.deref(ptrValPar);
        MemorySegment nextRecord = mem.deref(ptrVal.get(JAVA_LONG, PTR_COMP));
        MemorySegment.copy(mem.ptrGlob(), 0, mem.deref(ptrVal.get(JAVA_LONG, PTR_COMP)), 0, REC_SIZE);
        ptrVal.set(JAVA_INT, INT_COMP, 5);
        nextRecord.set(JAVA_INT, INT_COMP, ptrVal.get(JAVA_INT, INT_COMP));
        nextRecord.set(JAVA_LONG, PTR_COMP, ptrVal.get(JAVA_LONG, PTR_COMP));
        proc3(nextRecord, PTR_COMP);
        if (nextRecord.get(JAVA_INT, DISCR) == IDENT_1) {
            nextRecord.set(JAVA_INT, INT_COMP, 6);
            proc6(ptrVal.get(JAVA_INT, ENUM_COMP), nextRecord, ENUM_COMP);
            nextRecord.set(JAVA_LONG, PTR_COMP, mem.ptrGlob().get(JAVA_LONG, PTR_COMP));
            proc7(nextRecord.get(JAVA_INT, INT_COMP), 10, nextRecord, INT_COMP);
        } else {
            MemorySegment.copy(mem.deref(ptrVal.get(JAVA_LONG, PTR_COMP)), 0, ptrVal, 0, REC_SIZE);
        }
    }

    private void proc2(MemorySegment intParRef, long at) {
        int intLoc = intParRef.get(JAVA_INT, at) + 10;
        // Uninitialised in C; starting at Ident_1 ends the loop after one pass even if Ch_1_Glob was corrupted.
        int enumLoc = IDENT_1;
        do {
            if (g.get(JAVA_BYTE, CH_1_GLOB) == 'A') {
                intLoc -= 1;
                intParRef.set(JAVA_INT, at, intLoc - g.get(JAVA_INT, INT_GLOB));
                enumLoc = IDENT_1;
            }
        } while (enumLoc != IDENT_1);
    }

    private void proc3(MemorySegment ptrRefPar, long at) {
        long ptrGlob = g.get(JAVA_LONG, PTR_GLOB);
        if (ptrGlob != 0) {
            ptrRefPar.set(JAVA_LONG, at, mem.deref(ptrGlob).get(JAVA_LONG, PTR_COMP));
        }
        proc7(10, g.get(JAVA_INT, INT_GLOB), mem.deref(ptrGlob), INT_COMP);
    }

    private void proc4() {
        boolean boolLoc = g.get(JAVA_BYTE, CH_1_GLOB) == 'A';
        g.set(JAVA_INT, BOOL_GLOB, (boolLoc ? 1 : 0) | g.get(JAVA_INT, BOOL_GLOB));
        g.set(JAVA_BYTE, CH_2_GLOB, (byte) 'B');
    }

    private void proc5() {
        g.set(JAVA_BYTE, CH_1_GLOB, (byte) 'A');
        g.set(JAVA_INT, BOOL_GLOB, 0);
    }

    private void proc6(int enumValPar, MemorySegment enumRefPar, long at) {
        enumRefPar.set(JAVA_INT, at, enumValPar);
        if (!func3(enumValPar)) {
            enumRefPar.set(JAVA_INT, at, IDENT_4);
        }
        switch (enumValPar) {
            case IDENT_1 -> enumRefPar.set(JAVA_INT, at, IDENT_1);
            case IDENT_2 -> enumRefPar.set(JAVA_INT, at, g.get(JAVA_INT, INT_GLOB) > 100 ? IDENT_1 : IDENT_4);
            case IDENT_3 -> enumRefPar.set(JAVA_INT, at, IDENT_2);
            case IDENT_4 -> { }
            case IDENT_5 -> enumRefPar.set(JAVA_INT, at, IDENT_3);
            default -> { }
        }
    }

    private static void proc7(int int1ParVal, int int2ParVal, MemorySegment intParRef, long at) {
        int intLoc = int1ParVal + 2;
        intParRef.set(JAVA_INT, at, int2ParVal + intLoc);
    }

    private void proc8(MemorySegment arr1, long a1, MemorySegment arr2, long a2, int int1ParVal, int int2ParVal) {
        int intLoc = int1ParVal + 5;
        arr1.set(JAVA_INT, a1 + 4L * intLoc, int2ParVal);
        arr1.set(JAVA_INT, a1 + 4L * (intLoc + 1), arr1.get(JAVA_INT, a1 + 4L * intLoc));
        arr1.set(JAVA_INT, a1 + 4L * (intLoc + 30), intLoc);
        for (int intIndex = intLoc; intIndex <= intLoc + 1; ++intIndex) {
            arr2.set(JAVA_INT, a2 + 4L * (50L * intLoc + intIndex), intLoc);
        }
        long cell = a2 + 4L * (50L * intLoc + intLoc - 1);
        arr2.set(JAVA_INT, cell, arr2.get(JAVA_INT, cell) + 1);
        arr2.set(JAVA_INT, a2 + 4L * (50L * (intLoc + 20) + intLoc), arr1.get(JAVA_INT, a1 + 4L * intLoc));
        g.set(JAVA_INT, INT_GLOB, 5);
    }

    private int func1(byte ch1ParVal, byte ch2ParVal) {
        byte ch1Loc = ch1ParVal;
        byte ch2Loc = ch1Loc;
        if (ch2Loc != ch2ParVal) {
            return IDENT_1;
        }
        g.set(JAVA_BYTE, CH_1_GLOB, ch1Loc);
        return IDENT_2;
    }

    private boolean func2(MemorySegment str1, long s1, MemorySegment str2, long s2) {
        int intLoc = 2;
        byte chLoc = 0;
        while (intLoc <= 2) {
            if (func1(str1.get(JAVA_BYTE, s1 + intLoc), str2.get(JAVA_BYTE, s2 + intLoc + 1)) == IDENT_1) {
                chLoc = 'A';
                intLoc += 1;
            }
        }
        if (chLoc >= 'W' && chLoc < 'Z') {
            intLoc = 7;
        }
        if (chLoc == 'R') {
            return true;
        }
        if (DhryStrings.strcmp(str1, s1, str2, s2) > 0) {
            intLoc += 7;
            g.set(JAVA_INT, INT_GLOB, intLoc);
            return true;
        }
        return false;
    }

    private static boolean func3(int enumParVal) {
        int enumLoc = enumParVal;
        return enumLoc == IDENT_3;
    }
}
