package mpkernel.unsafezone.virtio;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The emulated console device: a backend thread that stands for the host. It reads the queue
 * through the device view of the guest's DMA memory (guest address minus the region's guest
 * base plus the view's base), checks each frame's CRC-32 with its own implementation, writes
 * the payload to the host's output, and completes the request on the used ring.
 */
public final class ConsoleDevice {

    private final long guestBase;
    private final MemorySegment view;
    private final RingLayout layout;
    private final long ringOffset;
    private final OutputStream out;
    private final Semaphore doorbell = new Semaphore(0);
    private final Semaphore interrupt = new Semaphore(0);
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean stopping;
    private final Thread thread;
    private short lastAvail;
    private short usedIdx;

    /**
     * A device serving the queue at guest address {@code ringAddress} inside a region that
     * starts at guest address {@code guestBase} and that the device sees as {@code view}.
     */
    public ConsoleDevice(long guestBase, MemorySegment view, long ringAddress, int queueSize, OutputStream out) {
        this.guestBase = guestBase;
        this.view = view;
        this.layout = new RingLayout(queueSize);
        this.ringOffset = ringAddress - guestBase;
        this.out = out;
        this.thread = Thread.ofPlatform().daemon().name("virtio-console-device").unstarted(this::serve);
    }

    /** Starts the backend thread. */
    public void start() {
        thread.start();
    }

    /** The doorbell: the driver has posted buffers. */
    void kick() {
        doorbell.release();
    }

    /** Waits for the device's completion interrupt. */
    void awaitInterrupt() {
        try {
            interrupt.tryAcquire(10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the console device", e);
        }
    }

    /** Frames whose CRC did not match (0 unless DMA memory was corrupted). */
    public long badFrames() {
        return badFrames.get();
    }

    /** Payload bytes written to the host. */
    public long bytesWritten() {
        return bytes.get();
    }

    /** Serves what is pending, then stops the thread. */
    public void stop() throws InterruptedException {
        stopping = true;
        doorbell.release();
        thread.join(5000);
    }

    private void serve() {
        while (true) {
            try {
                doorbell.tryAcquire(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            drain();
            if (stopping) {
                drain();
                return;
            }
        }
    }

    private void drain() {
        VarHandle.acquireFence();
        short avail = view.get(JAVA_SHORT_UNALIGNED, ringOffset + layout.availIdx());
        while (lastAvail != avail) {
            int slot = lastAvail & (layout.size() - 1);
            int id = view.get(JAVA_SHORT_UNALIGNED, ringOffset + layout.availRing(slot)) & 0xffff;
            long addr = view.get(JAVA_LONG_UNALIGNED, ringOffset + layout.desc(id));
            int len = view.get(JAVA_INT_UNALIGNED, ringOffset + layout.desc(id) + 8);
            consume(addr, len);
            view.set(JAVA_INT_UNALIGNED, ringOffset + layout.usedRing(usedIdx & (layout.size() - 1)), id);
            view.set(JAVA_INT_UNALIGNED, ringOffset + layout.usedRing(usedIdx & (layout.size() - 1)) + 4, len);
            VarHandle.releaseFence();
            usedIdx++;
            view.set(JAVA_SHORT_UNALIGNED, ringOffset + layout.usedIdx(), usedIdx);
            lastAvail++;
            interrupt.release();
        }
    }

    private void consume(long guestAddr, int len) {
        long off = guestAddr - guestBase;
        if (off < 0 || len < VirtioConsole.HEADER || off + len > view.byteSize()) {
            badFrames.incrementAndGet(); // a descriptor pointing outside DMA memory: the device refuses it
            return;
        }
        int crc = view.get(JAVA_INT_UNALIGNED, off);
        int n = view.get(JAVA_INT_UNALIGNED, off + 4);
        if (n < 0 || n > len - VirtioConsole.HEADER) {
            badFrames.incrementAndGet();
            return;
        }
        byte[] payload = view.asSlice(off + VirtioConsole.HEADER, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        CRC32 check = new CRC32();
        check.update(payload);
        if ((int) check.getValue() != crc) {
            badFrames.incrementAndGet();
            return;
        }
        try {
            out.write(payload);
            out.flush();
            bytes.addAndGet(n);
        } catch (IOException e) {
            badFrames.incrementAndGet();
        }
    }
}
