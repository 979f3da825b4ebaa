package mpkernel.unsafezone.virtio;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import mpkernel.unsafezone.Zlib;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The console driver: copies output into a DMA buffer, frames it with its length and a zlib
 * CRC-32 the device checks, posts a descriptor on the available ring, rings the doorbell and
 * waits for the used ring. One request in flight (the kernel serialises callers).
 *
 * <p>Frame in the DMA buffer: {@code crc32 u32, length u32, payload}.
 */
public final class VirtioConsole {

    /** Payload bytes per request. */
    public static final int CHUNK = 4096;
    /** Bytes of a frame's header: crc32 u32, length u32. */
    public static final int HEADER = 8;

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
        return CHUNK + HEADER;
    }

    /** Sends {@code len} bytes at {@code src} (memory the unsafe kernel may read) to the console. */
    public long write(long src, long len) {
        long done = 0;
        while (done < len) {
            int n = (int) Math.min(CHUNK, len - done);
            // the driver's own copy, not RawMemory's: so a fault here is attributed to the driver
            MemorySegment.copy(MemorySegment.ofAddress(src + done).reinterpret(n), 0,
                    MemorySegment.ofAddress(dma + HEADER).reinterpret(n), 0, n);
            MemorySegment frame = MemorySegment.ofAddress(dma).reinterpret(HEADER);
            frame.set(JAVA_INT_UNALIGNED, 0, Zlib.crc32(dma + HEADER, n));
            frame.set(JAVA_INT_UNALIGNED, 4, n);
            submit(dma, HEADER + n);
            done += n;
        }
        return len;
    }

    private void submit(long buffer, int length) {
        int slot = availIdx & (layout.size() - 1);
        int id = slot; // one request in flight: descriptor i serves ring slot i
        long address = buffer;
        if (flipCountdown >= 0 && flipCountdown-- == 0) {
            address ^= 1L << flipBit; // an injected fault: a bit error in the descriptor's address
        }
        ring.set(JAVA_LONG_UNALIGNED, layout.desc(id), address);
        ring.set(JAVA_INT_UNALIGNED, layout.desc(id) + 8, length);
        ring.set(JAVA_SHORT_UNALIGNED, layout.desc(id) + 12, (short) 0);
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
