package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The final values of the variables Dhrystone 2.1 prints after the run, in its order: either read
 * from user memory after a run ({@link #read}) or the values the original says they "should be"
 * ({@link #expected}). Two records are compared field by field through their printed forms.
 *
 * @param intGlob {@code Int_Glob}
 * @param boolGlob {@code Bool_Glob}
 * @param ch1Glob {@code Ch_1_Glob}
 * @param ch2Glob {@code Ch_2_Glob}
 * @param arr1Glob8 {@code Arr_1_Glob[8]}
 * @param arr2Glob87 {@code Arr_2_Glob[8][7]}
 * @param ptrGlob the record {@code Ptr_Glob} points to
 * @param nextPtrGlob the record {@code Next_Ptr_Glob} points to
 * @param int1Loc {@code Int_1_Loc}
 * @param int2Loc {@code Int_2_Loc}
 * @param int3Loc {@code Int_3_Loc}
 * @param enumLoc {@code Enum_Loc}
 * @param str1Loc {@code Str_1_Loc}
 * @param str2Loc {@code Str_2_Loc}
 */
record DhryValues(int intGlob, int boolGlob, char ch1Glob, char ch2Glob, int arr1Glob8, int arr2Glob87,
        Rec ptrGlob, Rec nextPtrGlob, int int1Loc, int int2Loc, int int3Loc, int enumLoc,
        String str1Loc, String str2Loc) {

    /**
     * The {@code var_1} view of a {@code Rec_Type}.
     *
     * @param ptrComp {@code Ptr_Comp}, an address
     * @param discr {@code Discr}
     * @param enumComp {@code Enum_Comp}
     * @param intComp {@code Int_Comp}
     * @param strComp {@code Str_Comp}
     */
    record Rec(long ptrComp, int discr, int enumComp, int intComp, String strComp) {

        static Rec read(MemorySegment rec) {
            return new Rec(rec.get(JAVA_LONG, DhryLayout.PTR_COMP), rec.get(JAVA_INT, DhryLayout.DISCR),
                    rec.get(JAVA_INT, DhryLayout.ENUM_COMP), rec.get(JAVA_INT, DhryLayout.INT_COMP),
                    DhryStrings.read(rec, DhryLayout.STR_COMP, DhryLayout.STR_30));
        }
    }

    /** The values after a run, read from user memory. */
    static DhryValues read(DhryMemory mem) {
        MemorySegment g = mem.globals;
        MemorySegment f = mem.frame;
        return new DhryValues(g.get(JAVA_INT, DhryLayout.INT_GLOB), g.get(JAVA_INT, DhryLayout.BOOL_GLOB),
                (char) (g.get(JAVA_BYTE, DhryLayout.CH_1_GLOB) & 0xff),
                (char) (g.get(JAVA_BYTE, DhryLayout.CH_2_GLOB) & 0xff),
                g.get(JAVA_INT, DhryLayout.arr1(8)), g.get(JAVA_INT, DhryLayout.arr2(8, 7)),
                Rec.read(mem.ptrGlob()), Rec.read(mem.nextPtrGlob()),
                f.get(JAVA_INT, DhryLayout.INT_1_LOC), f.get(JAVA_INT, DhryLayout.INT_2_LOC),
                f.get(JAVA_INT, DhryLayout.INT_3_LOC), f.get(JAVA_INT, DhryLayout.ENUM_LOC),
                DhryStrings.read(f, DhryLayout.STR_1_LOC, DhryLayout.STR_30),
                DhryStrings.read(f, DhryLayout.STR_2_LOC, DhryLayout.STR_30));
    }

    /**
     * What Dhrystone 2.1 says the values should be after {@code runs} runs. The two {@code Ptr_Comp}
     * values are "implementation-dependent, same as above": both point at {@code Next_Ptr_Glob}'s
     * record, whose address is {@code nextPtrGlob}.
     */
    static DhryValues expected(long runs, long nextPtrGlob) {
        Rec some1 = new Rec(nextPtrGlob, DhryLayout.IDENT_1, DhryLayout.IDENT_3, 17, DhryLayout.SOME_STRING);
        Rec some2 = new Rec(nextPtrGlob, DhryLayout.IDENT_1, DhryLayout.IDENT_2, 18, DhryLayout.SOME_STRING);
        return new DhryValues(5, 1, 'A', 'B', 7, (int) (runs + 10), some1, some2, 5, 13, 7, DhryLayout.IDENT_2,
                DhryLayout.FIRST_STRING, DhryLayout.SECOND_STRING);
    }

    /** Name and printed value of every field, in the original's printout order. */
    List<String[]> printed() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Int_Glob", Integer.toString(intGlob)});
        lines.add(new String[] {"Bool_Glob", Integer.toString(boolGlob)});
        lines.add(new String[] {"Ch_1_Glob", Character.toString(ch1Glob)});
        lines.add(new String[] {"Ch_2_Glob", Character.toString(ch2Glob)});
        lines.add(new String[] {"Arr_1_Glob[8]", Integer.toString(arr1Glob8)});
        lines.add(new String[] {"Arr_2_Glob[8][7]", Integer.toString(arr2Glob87)});
        record(lines, "Ptr_Glob->", ptrGlob);
        record(lines, "Next_Ptr_Glob->", nextPtrGlob);
        lines.add(new String[] {"Int_1_Loc", Integer.toString(int1Loc)});
        lines.add(new String[] {"Int_2_Loc", Integer.toString(int2Loc)});
        lines.add(new String[] {"Int_3_Loc", Integer.toString(int3Loc)});
        lines.add(new String[] {"Enum_Loc", Integer.toString(enumLoc)});
        lines.add(new String[] {"Str_1_Loc", str1Loc});
        lines.add(new String[] {"Str_2_Loc", str2Loc});
        return lines;
    }

    private static void record(List<String[]> lines, String name, Rec rec) {
        lines.add(new String[] {name + "Ptr_Comp", "0x" + Long.toHexString(rec.ptrComp())});
        lines.add(new String[] {name + "Discr", Integer.toString(rec.discr())});
        lines.add(new String[] {name + "Enum_Comp", Integer.toString(rec.enumComp())});
        lines.add(new String[] {name + "Int_Comp", Integer.toString(rec.intComp())});
        lines.add(new String[] {name + "Str_Comp", rec.strComp()});
    }
}
