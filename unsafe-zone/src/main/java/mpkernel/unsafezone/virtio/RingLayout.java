package mpkernel.unsafezone.virtio;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.PathElement.sequenceElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The driver's split virtqueue of {@code size} entries (virtio 1.x, section 2.7), described as
 * one {@link StructLayout} ({@link #queue}): the descriptor table ({@code struct virtq_desc}:
 * addr u64, len u32, flags u16, next u16), the available ring (flags u16, idx u16,
 * ring[size] u16) and, aligned to 4 bytes, the used ring (flags u16, idx u16, ring[size] of
 * {@code struct virtq_used_elem} {id u32, len u32}). The offsets the driver uses are the
 * layout's, computed once.
 */
public final class RingLayout {

    /** {@code struct virtq_desc}. */
    static final StructLayout DESCRIPTOR = MemoryLayout.structLayout(
            JAVA_LONG.withName("addr"), JAVA_INT.withName("len"), JAVA_SHORT.withName("flags"), JAVA_SHORT.withName("next"));
    /** {@code struct virtq_used_elem}. */
    static final StructLayout USED_ELEMENT = MemoryLayout.structLayout(JAVA_INT.withName("id"), JAVA_INT.withName("len"));

    /** Bytes of one descriptor. */
    public static final int DESC_BYTES = (int) DESCRIPTOR.byteSize();

    private static final long DESC_LEN = DESCRIPTOR.byteOffset(groupElement("len"));
    private static final long DESC_FLAGS = DESCRIPTOR.byteOffset(groupElement("flags"));
    private static final long USED_LEN = USED_ELEMENT.byteOffset(groupElement("len"));

    private final int size;
    private final StructLayout queue;
    private final long availIdx;
    private final long availRing;
    private final long usedBase;
    private final long usedIdx;
    private final long usedRing;

    /** A layout of {@code size} entries, a power of two up to 32768. */
    public RingLayout(int size) {
        if (size <= 0 || (size & (size - 1)) != 0 || size > 32768) {
            throw new IllegalArgumentException("queue size must be a power of two up to 32768, got " + size);
        }
        this.size = size;
        StructLayout avail = MemoryLayout.structLayout(JAVA_SHORT.withName("flags"), JAVA_SHORT.withName("idx"),
                MemoryLayout.sequenceLayout(size, JAVA_SHORT).withName("ring"));
        StructLayout used = MemoryLayout.structLayout(JAVA_SHORT.withName("flags"), JAVA_SHORT.withName("idx"),
                MemoryLayout.sequenceLayout(size, USED_ELEMENT).withName("ring"));
        long availEnd = DESCRIPTOR.byteSize() * size + avail.byteSize();
        long pad = -availEnd & (used.byteAlignment() - 1);
        MemoryLayout[] parts = pad == 0
                ? new MemoryLayout[] {MemoryLayout.sequenceLayout(size, DESCRIPTOR).withName("desc"), avail.withName("avail"), used.withName("used")}
                : new MemoryLayout[] {MemoryLayout.sequenceLayout(size, DESCRIPTOR).withName("desc"), avail.withName("avail"),
                        MemoryLayout.paddingLayout(pad), used.withName("used")};
        this.queue = MemoryLayout.structLayout(parts).withName("virtqueue");
        this.availIdx = queue.byteOffset(groupElement("avail"), groupElement("idx"));
        this.availRing = queue.byteOffset(groupElement("avail"), groupElement("ring"), sequenceElement(0));
        this.usedBase = queue.byteOffset(groupElement("used"));
        this.usedIdx = queue.byteOffset(groupElement("used"), groupElement("idx"));
        this.usedRing = queue.byteOffset(groupElement("used"), groupElement("ring"), sequenceElement(0));
    }

    /** Entries in the queue. */
    public int size() {
        return size;
    }

    /** The whole queue's layout. */
    public StructLayout queue() {
        return queue;
    }

    /** Offset of descriptor {@code i} (its {@code addr}). */
    public long desc(int i) {
        return DESCRIPTOR.byteSize() * i;
    }

    /** Offset of descriptor {@code i}'s {@code len}. */
    public long descLen(int i) {
        return desc(i) + DESC_LEN;
    }

    /** Offset of descriptor {@code i}'s {@code flags}. */
    public long descFlags(int i) {
        return desc(i) + DESC_FLAGS;
    }

    public long availIdx() {
        return availIdx;
    }

    public long availRing(int slot) {
        return availRing + JAVA_SHORT.byteSize() * slot;
    }

    public long usedBase() {
        return usedBase;
    }

    public long usedIdx() {
        return usedIdx;
    }

    /** Offset of used-ring entry {@code slot} (its {@code id}). */
    public long usedRing(int slot) {
        return usedRing + USED_ELEMENT.byteSize() * slot;
    }

    /** Offset of used-ring entry {@code slot}'s {@code len}. */
    public long usedLen(int slot) {
        return usedRing(slot) + USED_LEN;
    }

    /** Bytes the whole queue occupies. */
    public long bytes() {
        return queue.byteSize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RingLayout r && r.size == size;
    }

    @Override
    public int hashCode() {
        return size;
    }

    @Override
    public String toString() {
        return "RingLayout[size=" + size + "]";
    }
}
