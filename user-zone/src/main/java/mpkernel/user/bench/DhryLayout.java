package mpkernel.user.bench;

/**
 * The memory layout of Dhrystone 2.1's data in user memory, as a C compiler for a 64-bit machine
 * lays it out.
 *
 * <p>{@code Rec_Type} (56 bytes): {@code Ptr_Comp} (8-byte pointer) at 0, {@code Discr} at 8, and
 * the variant part from 12: {@code var_1 = {Enum_Comp @12, Int_Comp @16, Str_Comp[31] @20}}
 * ({@code var_2 = {E_Comp_2 @12, Str_2_Comp[31] @16}} and {@code var_3 = {Ch_1_Comp @12,
 * Ch_2_Comp @13}} overlay it; the benchmark only uses {@code var_1}).
 *
 * <p>The globals ({@code Ptr_Glob}, {@code Next_Ptr_Glob}, {@code Int_Glob}, {@code Bool_Glob},
 * {@code Ch_1_Glob}, {@code Ch_2_Glob}, {@code Arr_1_Glob[50]}, {@code Arr_2_Glob[50][50]}) form
 * one zero-initialised block like a C program's {@code .bss}. The main program's locals whose
 * address is taken ({@code Int_1_Loc}, {@code Int_3_Loc}, {@code Enum_Loc}) and its two
 * {@code Str_30} strings form its stack frame; {@code Int_2_Loc} is a {@code register} variable
 * and only stored there at the end, for the final printout. The four string literals form a
 * read-only block like {@code .rodata}.
 */
final class DhryLayout {

    /** {@code Enumeration} values ({@code Ident_1 .. Ident_5}). */
    static final int IDENT_1 = 0;
    static final int IDENT_2 = 1;
    static final int IDENT_3 = 2;
    static final int IDENT_4 = 3;
    static final int IDENT_5 = 4;

    // Rec_Type
    static final long PTR_COMP = 0;
    static final long DISCR = 8;
    static final long ENUM_COMP = 12;
    static final long INT_COMP = 16;
    static final long STR_COMP = 20;
    static final long REC_SIZE = 56;

    // globals
    static final long PTR_GLOB = 0;
    static final long NEXT_PTR_GLOB = 8;
    static final long INT_GLOB = 16;
    static final long BOOL_GLOB = 20;
    static final long CH_1_GLOB = 24;
    static final long CH_2_GLOB = 25;
    static final long ARR_1_GLOB = 28;
    static final long ARR_2_GLOB = ARR_1_GLOB + 4 * 50;
    static final long GLOBALS_SIZE = ARR_2_GLOB + 4 * 50 * 50;

    // main's frame
    static final long INT_1_LOC = 0;
    static final long INT_2_LOC = 4;
    static final long INT_3_LOC = 8;
    static final long ENUM_LOC = 12;
    static final long STR_1_LOC = 16;
    static final long STR_2_LOC = 48;
    static final long FRAME_SIZE = 80;

    /** {@code Str_30} is {@code char[31]}. */
    static final int STR_30 = 31;

    // string literals, 32 bytes apart
    static final String SOME_STRING = "DHRYSTONE PROGRAM, SOME STRING";
    static final String FIRST_STRING = "DHRYSTONE PROGRAM, 1'ST STRING";
    static final String SECOND_STRING = "DHRYSTONE PROGRAM, 2'ND STRING";
    static final String THIRD_STRING = "DHRYSTONE PROGRAM, 3'RD STRING";
    static final long LIT_SOME = 0;
    static final long LIT_FIRST = 32;
    static final long LIT_SECOND = 64;
    static final long LIT_THIRD = 96;
    static final long RODATA_SIZE = 128;

    private DhryLayout() {
    }

    /** Byte offset of {@code Arr_1_Glob[i]}. */
    static long arr1(int i) {
        return ARR_1_GLOB + 4L * i;
    }

    /** Byte offset of {@code Arr_2_Glob[i][j]}. */
    static long arr2(int i, int j) {
        return ARR_2_GLOB + 4L * (50L * i + j);
    }
}
