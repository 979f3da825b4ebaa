package mpkernel.kernel.host;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The device's reading of a split virtqueue (virtio 1.x, section 2.7), written from the
 * specification and not shared with the driver, as a device model and a driver each implement
 * the spec on their own side of the bus: the descriptor table, then the available ring, then
 * the used ring aligned to 4 bytes (no event-index fields: the driver does not offer
 * {@code VIRTIO_F_EVENT_IDX}). The struct layouts document the fields; the device uses the byte
 * offsets they give, computed once.
 */
final class DeviceRing {

    /** {@code struct virtq_desc}. */
    static final StructLayout DESCRIPTOR = MemoryLayout.structLayout(
            JAVA_LONG.withName("addr"), JAVA_INT.withName("len"), JAVA_SHORT.withName("flags"), JAVA_SHORT.withName("next"));

    /** {@code struct virtq_used_elem}. */
    static final StructLayout USED_ELEMENT = MemoryLayout.structLayout(JAVA_INT.withName("id"), JAVA_INT.withName("len"));

    /** {@code struct virtq_avail} and {@code struct virtq_used} without their rings, which follow them. */
    private static final StructLayout RING_HEADER = MemoryLayout.structLayout(JAVA_SHORT.withName("flags"), JAVA_SHORT.withName("idx"));

    /** Bytes of a frame's header before its payload: the CRC-32 of the payload and its length, both u32. */
    static final int FRAME_HEADER = 8;

    private static final long ADDR = DESCRIPTOR.byteOffset(groupElement("addr"));
    private static final long DESC_LEN = DESCRIPTOR.byteOffset(groupElement("len"));
    private static final long DESC_FLAGS = DESCRIPTOR.byteOffset(groupElement("flags"));
    private static final long ID = USED_ELEMENT.byteOffset(groupElement("id"));
    private static final long USED_LEN = USED_ELEMENT.byteOffset(groupElement("len"));
    private static final long IDX = RING_HEADER.byteOffset(groupElement("idx"));

    private final int size;
    private final long avail;
    private final long used;

    /** The queue of {@code size} entries, a power of two. */
    DeviceRing(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("a queue size is a power of two, got " + size);
        }
        this.size = size;
        this.avail = DESCRIPTOR.byteSize() * size;
        long availEnd = avail + RING_HEADER.byteSize() + JAVA_SHORT.byteSize() * size;
        this.used = (availEnd + USED_ELEMENT.byteAlignment() - 1) & -USED_ELEMENT.byteAlignment();
    }

    int size() {
        return size;
    }

    long descAddr(int i) {
        return DESCRIPTOR.byteSize() * i + ADDR;
    }

    long descLen(int i) {
        return DESCRIPTOR.byteSize() * i + DESC_LEN;
    }

    long descFlags(int i) {
        return DESCRIPTOR.byteSize() * i + DESC_FLAGS;
    }

    long availIdx() {
        return avail + IDX;
    }

    long availRing(int slot) {
        return avail + RING_HEADER.byteSize() + JAVA_SHORT.byteSize() * slot;
    }

    long usedIdx() {
        return used + IDX;
    }

    long usedId(int slot) {
        return used + RING_HEADER.byteSize() + USED_ELEMENT.byteSize() * slot + ID;
    }

    long usedLen(int slot) {
        return used + RING_HEADER.byteSize() + USED_ELEMENT.byteSize() * slot + USED_LEN;
    }

    /** Bytes the queue occupies. */
    long bytes() {
        return usedId(size) - ID;
    }
}
