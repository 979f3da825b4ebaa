package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.StaticArea;

/**
 * Where a stack keeps everything: fixed tables carved from {@code tables} when it is built,
 * and socket buffers from {@code heap}; both inside {@code region}, which turns the heap's
 * addresses back into bounds-checked segments.
 *
 * @param tables the stack's fixed tables
 * @param heap socket buffers
 * @param region memory holding both
 */
public record NetMemory(StaticArea tables, HeapAllocator heap, MemorySegment region) {

    /** The {@code bytes} at {@code address}, which must lie in {@link #region}. */
    MemorySegment at(long address, long bytes) {
        return region.asSlice(address - region.address(), bytes);
    }
}
