package mpkernel.user.bench;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import mpkernel.kernel.api.Sys;

/**
 * Dhrystone's data in user memory: the globals, the main program's frame, the string literals and
 * the two records the program {@code malloc}s. Pointers stored in memory ({@code Ptr_Glob},
 * {@code Ptr_Comp}) hold the records' real addresses; {@link #deref} turns an address back into
 * the block it points to, as the hardware does for C (a Java program cannot load through a raw
 * address without native access, so the two live allocations are looked up).
 */
final class DhryMemory implements AutoCloseable {

    private final Sys sys;
    final MemorySegment globals;
    final MemorySegment frame;
    final MemorySegment rodata;
    private MemorySegment first;
    private MemorySegment second;

    /** Allocates globals (zeroed, like {@code .bss}), frame and literals; the records come from {@link #mallocRecord}. */
    DhryMemory(Sys sys) {
        this.sys = sys;
        MemorySegment g = null;
        MemorySegment f = null;
        MemorySegment r = null;
        try {
            g = sys.calloc(1, DhryLayout.GLOBALS_SIZE);
            f = sys.malloc(DhryLayout.FRAME_SIZE);
            r = sys.malloc(DhryLayout.RODATA_SIZE);
        } catch (RuntimeException e) {
            freeAll(g, f, r);
            throw e;
        }
        globals = g;
        frame = f;
        rodata = r;
        DhryStrings.put(rodata, DhryLayout.LIT_SOME, DhryLayout.SOME_STRING);
        DhryStrings.put(rodata, DhryLayout.LIT_FIRST, DhryLayout.FIRST_STRING);
        DhryStrings.put(rodata, DhryLayout.LIT_SECOND, DhryLayout.SECOND_STRING);
        DhryStrings.put(rodata, DhryLayout.LIT_THIRD, DhryLayout.THIRD_STRING);
    }

    /** {@code malloc(sizeof(Rec_Type))}; returns the record's address. The program makes two. */
    long mallocRecord() {
        MemorySegment record = sys.malloc(DhryLayout.REC_SIZE);
        if (first == null) {
            first = record;
        } else if (second == null) {
            second = record;
        } else {
            sys.free(record);
            throw new IllegalStateException("Dhrystone allocates two records");
        }
        return record.address();
    }

    /** The record at {@code address}; a dangling or corrupted pointer fails like a segmentation fault. */
    MemorySegment deref(long address) {
        if (first != null && address == first.address()) {
            return first;
        }
        if (second != null && address == second.address()) {
            return second;
        }
        throw new IllegalStateException("segmentation fault: no record at 0x" + Long.toHexString(address));
    }

    /** The value of {@code Next_Ptr_Glob}: the address of the record it points to. */
    long nextPtrGlobAddress() {
        return globals.get(JAVA_LONG, DhryLayout.NEXT_PTR_GLOB);
    }

    /** The record {@code Ptr_Glob} points to. */
    MemorySegment ptrGlob() {
        return deref(globals.get(JAVA_LONG, DhryLayout.PTR_GLOB));
    }

    /** The record {@code Next_Ptr_Glob} points to. */
    MemorySegment nextPtrGlob() {
        return deref(globals.get(JAVA_LONG, DhryLayout.NEXT_PTR_GLOB));
    }

    @Override
    public void close() {
        freeAll(globals, frame, rodata, first, second);
    }

    private void freeAll(MemorySegment... blocks) {
        for (MemorySegment block : blocks) {
            if (block != null) {
                sys.free(block);
            }
        }
    }
}
