package mpkernel.unsafezone.virtio;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

import mpkernel.unsafezone.Zlib;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The console driver: the kernel stages output straight into the payload of its DMA buffer
 * ({@link #payloadAddress}); the driver frames it with its length and a zlib CRC-32 the device
 * checks, posts a descriptor on the available ring, rings the doorbell and
 * waits for the used ring. One request in flight (the kernel serialises callers).
 *
 * <p>Frame in the DMA buffer ({@link #FRAME}): {@code crc32 u32, length u32, payload}.
 */
public final class VirtioConsole {

    /** Payload bytes per request. */
    public static final int CHUNK = 4096;
    /** A frame in the DMA buffer: its header (crc32 u32 of the payload, length u32), then the payload. */
    static final StructLayout FRAME = MemoryLayout.structLayout(
            JAVA_INT_UNALIGNED.withName("crc32"),
            JAVA_INT_UNALIGNED.withName("length"),
            MemoryLayout.sequenceLayout(CHUNK, JAVA_BYTE).withName("payload")).withName("console frame");
    /** Bytes of a frame's header: crc32 u32, length u32. */
    public static final int HEADER = (int) FRAME.byteOffset(MemoryLayout.PathElement.groupElement("payload"));
    private static final VarHandle CRC = FRAME.varHandle(MemoryLayout.PathElement.groupElement("crc32"));
    private static final VarHandle LENGTH = FRAME.varHandle(MemoryLayout.PathElement.groupElement("length"));

    private final RingLayout layout;
    private final MemorySegment ring;
    private final long dma;
    private final Doorbell device;
    private short availIdx;
    private short lastUsed;
    private int flipCountdown = -1;
    private int flipBit;

    /**
     * A driver over a queue at {@code ringAddress} ({@link #ringBytes} bytes) and a DMA buffer of
     * {@link #dmaBytes()} bytes at {@code dmaAddress}, both in memory the device can see.
     */
    public VirtioConsole(long ringAddress, int queueSize, long dmaAddress, Doorbell device) {
        this.layout = new RingLayout(queueSize);
        this.ring = MemorySegment.ofAddress(ringAddress).reinterpret(layout.bytes());
        this.dma = dmaAddress;
        this.device = device;
        ring.fill((byte) 0);
    }

    /**
     * Fault injection (experiments only): after {@code afterRequests} more requests, the next
     * descriptor is posted with bit {@code bit} of its buffer address flipped.
     */
    public void flipDescriptorBit(int afterRequests, int bit) {
        flipCountdown = afterRequests;
        flipBit = bit;
    }

    /** Bytes a queue of {@code queueSize} entries needs. */
    public static long ringBytes(int queueSize) {
        return new RingLayout(queueSize).bytes();
    }

    /** Bytes of the DMA buffer. */
    public static long dmaBytes() {
        return FRAME.byteSize();
    }

    /**
     * Where the payload of the next frame goes: {@link #CHUNK} bytes of the DMA buffer, after
     * the frame's header. The kernel stages its output here (one copy) and then calls
     * {@link #send}.
     */
    public long payloadAddress() {
        return dma + FRAME.byteOffset(MemoryLayout.PathElement.groupElement("payload"));
    }

    /** Bytes of payload one frame carries. */
    public static long payloadBytes() {
        return CHUNK;
    }

    /**
     * Sends the {@code n} bytes already staged at {@link #payloadAddress}: frames them with
     * their CRC-32 and length, posts the frame and waits for the device. Returns {@code n}.
     */
    public long send(int n) {
        if (n < 0 || n > CHUNK) {
            throw new IllegalArgumentException("a frame carries 0 to " + CHUNK + " bytes, not " + n);
        }
        MemorySegment frame = MemorySegment.ofAddress(dma).reinterpret(FRAME.byteSize());
        CRC.set(frame, 0L, Zlib.crc32(payloadAddress(), n));
        LENGTH.set(frame, 0L, n);
        submit(dma, HEADER + n);
        return n;
    }

    private void submit(long buffer, int length) {
        int slot = availIdx & (layout.size() - 1);
        int id = slot; // one request in flight: descriptor i serves ring slot i
        long address = buffer;
        if (flipCountdown >= 0 && flipCountdown-- == 0) {
            address ^= 1L << flipBit; // an injected fault: a bit error in the descriptor's address
        }
        ring.set(JAVA_LONG_UNALIGNED, layout.desc(id), address);
        ring.set(JAVA_INT_UNALIGNED, layout.descLen(id), length);
        ring.set(JAVA_SHORT_UNALIGNED, layout.descFlags(id), (short) 0);
        ring.set(JAVA_SHORT_UNALIGNED, layout.availRing(slot), (short) id);
        VarHandle.releaseFence(); // descriptor and ring entry before the index the device polls
        availIdx++;
        ring.set(JAVA_SHORT_UNALIGNED, layout.availIdx(), availIdx);
        device.kick();
        while (true) {
            VarHandle.acquireFence();
            short used = ring.get(JAVA_SHORT_UNALIGNED, layout.usedIdx());
            if (used != lastUsed) {
                lastUsed = used;
                return;
            }
            device.awaitInterrupt();
        }
    }
}
