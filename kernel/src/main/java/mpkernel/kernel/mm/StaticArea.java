package mpkernel.kernel.mm;

import java.lang.foreign.MemorySegment;

/** Bump allocation of the kernel's fixed tables at the start of the safe-kernel region, at boot. */
public final class StaticArea {
    private final MemorySegment region;
    private long used;

    /** Carves from the start of {@code region}. */
    public StaticArea(MemorySegment region) {
        this.region = region;
    }

    /** A zeroed, 64-byte aligned table of {@code bytes}. */
    public MemorySegment carve(long bytes) {
        long start = (used + 63) & ~63L;
        if (start + bytes > region.byteSize()) {
            throw new IllegalStateException("safe-kernel region too small for the kernel's tables: need "
                    + (start + bytes) + " bytes, have " + region.byteSize());
        }
        used = start + bytes;
        MemorySegment t = region.asSlice(start, bytes);
        t.fill((byte) 0);
        return t;
    }

    /** Bytes carved so far, rounded up to pages: where page allocation may begin. */
    public long end() {
        return (used + 4095) & ~4095L;
    }
}
