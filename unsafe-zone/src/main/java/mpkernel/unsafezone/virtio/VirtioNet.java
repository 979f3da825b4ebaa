package mpkernel.unsafezone.virtio;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The virtio-net driver: a receive queue and a transmit queue (virtio 1.x, section 5.1: queue
 * 0 receives, queue 1 transmits), each a split virtqueue whose descriptor {@code i} always
 * points at buffer {@code i} of that queue, {@link #BUFFER} bytes in DMA memory. A buffer holds a
 * {@link #HEADER}-byte {@code virtio_net_hdr} (all zeroes: no checksum or segmentation offload
 * is negotiated) and then one Ethernet frame.
 *
 * <p>Every receive buffer is posted to the device at start and re-posted as soon as its frame
 * is taken. The safe kernel hands frames over through a staging buffer in driver memory, which
 * this driver copies into a free transmit buffer; on receive it copies the frame out of its
 * buffer into the staging buffer. The copies are the driver's own, so a wild one is attributed
 * to the driver. Not thread-safe: the kernel serialises its calls.
 */
public final class VirtioNet {

    /** Bytes of the {@code virtio_net_hdr} (version 1 layout, with {@code num_buffers}) before each frame. */
    public static final int HEADER = 12;
    /** Bytes of each receive or transmit buffer. */
    public static final int BUFFER = 2048;
    /** The largest frame a buffer holds. */
    public static final int MAX_FRAME = BUFFER - HEADER;
    /** Descriptor flag: the device writes this buffer (virtio's {@code VIRTQ_DESC_F_WRITE}). */
    public static final short DESC_WRITE = 2;

    private final RingLayout layout;
    private final MemorySegment rxRing;
    private final MemorySegment txRing;
    private final long rxBuffers;
    private final long txBuffers;
    private final Doorbell device;
    private short rxAvail;
    private short rxUsedSeen;
    private short txAvail;
    private short txUsedSeen;
    private int txInFlight;
    private long misdirected;

    /**
     * A driver over the receive and transmit queues at {@code rxRing} and {@code txRing}
     * ({@link #ringBytes} each) and their buffers at {@code rxBuffers} and {@code txBuffers}
     * ({@link #buffersBytes} each), all memory the device can see; posts every receive buffer.
     */
    public VirtioNet(long rxRing, long txRing, int queueSize, long rxBuffers, long txBuffers, Doorbell device) {
        this.layout = new RingLayout(queueSize);
        this.rxRing = MemorySegment.ofAddress(rxRing).reinterpret(layout.bytes());
        this.txRing = MemorySegment.ofAddress(txRing).reinterpret(layout.bytes());
        this.rxBuffers = rxBuffers;
        this.txBuffers = txBuffers;
        this.device = device;
        this.rxRing.fill((byte) 0);
        this.txRing.fill((byte) 0);
        for (int id = 0; id < queueSize; id++) {
            describeReceiveBuffer(id, rxBuffers + (long) id * BUFFER);
            post(this.rxRing, rxAvail++, id);
        }
        publish(this.rxRing, rxAvail);
        device.kick();
    }

    /** Bytes one queue of {@code queueSize} entries needs. */
    public static long ringBytes(int queueSize) {
        return new RingLayout(queueSize).bytes();
    }

    /** Bytes of one queue's buffers. */
    public static long buffersBytes(int queueSize) {
        return (long) queueSize * BUFFER;
    }

    /**
     * Queues the frame of {@code len} bytes at {@code src} (memory the driver may read) for
     * transmission and rings the doorbell. Returns 1 if queued, 0 if every transmit buffer is
     * still in flight (try again once the device has caught up).
     *
     * @throws IllegalArgumentException if the frame is empty or larger than {@link #MAX_FRAME}
     */
    public int transmit(long src, int len) {
        if (len <= 0 || len > MAX_FRAME) {
            throw new IllegalArgumentException("frame of " + len + " bytes");
        }
        reclaimTransmitted();
        if (txInFlight == layout.size()) {
            return 0;
        }
        int id = txAvail & (layout.size() - 1); // completed in order, so the next slot's buffer is free
        long buffer = txBuffers + (long) id * BUFFER;
        MemorySegment.ofAddress(buffer).reinterpret(HEADER).fill((byte) 0);
        long target = misdirected != 0 ? misdirected : buffer + HEADER;
        misdirected = 0;
        copy(src, target, len);
        txRing.set(JAVA_LONG_UNALIGNED, layout.desc(id), buffer);
        txRing.set(JAVA_INT_UNALIGNED, layout.descLen(id), HEADER + len);
        txRing.set(JAVA_SHORT_UNALIGNED, layout.descFlags(id), (short) 0);
        post(txRing, txAvail++, id);
        publish(txRing, txAvail);
        txInFlight++;
        device.kick();
        return 1;
    }

    /**
     * Takes the next frame the device completed: copies it to {@code dst} (at most
     * {@code capacity} bytes, memory the driver may write), gives its buffer back to the device
     * and returns the frame's length; 0 for a completion the device got wrong (it is skipped),
     * -1 if no frame is waiting.
     */
    public int receive(long dst, int capacity) {
        VarHandle.acquireFence();
        short used = rxRing.get(JAVA_SHORT_UNALIGNED, layout.usedIdx());
        if (used == rxUsedSeen) {
            return -1;
        }
        int slot = rxUsedSeen & (layout.size() - 1);
        int id = rxRing.get(JAVA_INT_UNALIGNED, layout.usedRing(slot));
        int len = rxRing.get(JAVA_INT_UNALIGNED, layout.usedLen(slot));
        rxUsedSeen++;
        if (id < 0 || id >= layout.size()) {
            return 0;
        }
        int n = len < HEADER || len > BUFFER ? 0 : Math.min(len - HEADER, capacity);
        copy(rxBuffers + (long) id * BUFFER + HEADER, dst, n);
        post(rxRing, rxAvail++, id);
        publish(rxRing, rxAvail);
        device.kick();
        return n;
    }

    /**
     * Fault injection (experiments only): the next frame to transmit is copied to
     * {@code address} instead of its transmit buffer, as a driver with a stale or corrupted
     * buffer pointer would (the device then sends the buffer's old bytes).
     */
    public void misdirectNextTransmit(long address) {
        misdirected = address;
    }

    private void reclaimTransmitted() {
        VarHandle.acquireFence();
        short used = txRing.get(JAVA_SHORT_UNALIGNED, layout.usedIdx());
        txInFlight -= (short) (used - txUsedSeen);
        txUsedSeen = used;
    }

    private void describeReceiveBuffer(int id, long buffer) {
        rxRing.set(JAVA_LONG_UNALIGNED, layout.desc(id), buffer);
        rxRing.set(JAVA_INT_UNALIGNED, layout.descLen(id), BUFFER);
        rxRing.set(JAVA_SHORT_UNALIGNED, layout.descFlags(id), DESC_WRITE);
    }

    private void post(MemorySegment ring, short availIdx, int id) {
        ring.set(JAVA_SHORT_UNALIGNED, layout.availRing(availIdx & (layout.size() - 1)), (short) id);
    }

    /** Publishes a new available index, after the entries it covers. */
    private void publish(MemorySegment ring, short availIdx) {
        VarHandle.releaseFence();
        ring.set(JAVA_SHORT_UNALIGNED, layout.availIdx(), availIdx);
    }

    /** The driver's own unchecked copy (so a fault here is attributed to the driver). */
    private static void copy(long src, long dst, int len) {
        MemorySegment.copy(MemorySegment.ofAddress(src).reinterpret(len), 0, MemorySegment.ofAddress(dst).reinterpret(len), 0, len);
    }
}
