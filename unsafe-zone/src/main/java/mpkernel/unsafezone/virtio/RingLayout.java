package mpkernel.unsafezone.virtio;

/**
 * Offsets of a split virtqueue of {@code size} entries (virtio 1.x, section 2.7): the
 * descriptor table (16 bytes each: addr u64, len u32, flags u16, next u16), the available ring
 * (flags u16, idx u16, ring[size] u16) and the used ring (flags u16, idx u16,
 * ring[size] of {id u32, len u32}).
 */
public record RingLayout(int size) {

    /** Bytes of one descriptor. */
    public static final int DESC_BYTES = 16;

    /** A layout of {@code size} entries, a power of two up to 32768. */
    public RingLayout {
        if (size <= 0 || (size & (size - 1)) != 0 || size > 32768) {
            throw new IllegalArgumentException("queue size must be a power of two up to 32768, got " + size);
        }
    }

    public long desc(int i) {
        return (long) DESC_BYTES * i;
    }

    public long availIdx() {
        return (long) DESC_BYTES * size + 2;
    }

    public long availRing(int slot) {
        return (long) DESC_BYTES * size + 4 + 2L * slot;
    }

    public long usedBase() {
        return (availRing(size) + 3) & ~3L;
    }

    public long usedIdx() {
        return usedBase() + 2;
    }

    public long usedRing(int slot) {
        return usedBase() + 4 + 8L * slot;
    }

    /** Bytes the whole queue occupies. */
    public long bytes() {
        return usedRing(size);
    }
}
