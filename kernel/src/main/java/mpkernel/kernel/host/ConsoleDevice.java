package mpkernel.kernel.host;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.CRC32;

import mpkernel.isolation.Gate;
import mpkernel.unsafezone.virtio.Doorbell;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The emulated console device: a backend thread that stands for the host. Each time the driver
 * rings, it enters the {@code DEVICE} domain, takes the pending requests off the queue in the
 * driver's memory (guest addresses are addresses in that region) and checks each frame's CRC-32
 * with its own implementation; outside the gate it writes the payloads to the host's output;
 * then it enters again to complete the requests on the used ring. So when the driver sees a
 * request complete, its bytes have reached the host.
 */
public final class ConsoleDevice implements Doorbell {

    private final Gate gate;
    private final MemorySegment memory;
    private final DeviceRing layout;
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
     * A device serving the queue at guest address {@code ringAddress} inside {@code memory},
     * the driver's region, which it reaches through {@code deviceGate}; its thread comes from
     * {@code threads}.
     */
    public ConsoleDevice(Gate deviceGate, MemorySegment memory, long ringAddress, int queueSize, OutputStream out,
                         Function<Runnable, Thread> threads) {
        this.gate = deviceGate;
        this.memory = memory;
        this.layout = new DeviceRing(queueSize);
        this.ringOffset = ringAddress - memory.address();
        this.out = out;
        this.thread = threads.apply(this::serve);
        thread.setDaemon(true);
    }

    /** Bytes of the queue this device serves, by its own reading of the specification. */
    public long ringBytes() {
        return layout.bytes();
    }

    /** Starts the backend thread. */
    public void start() {
        thread.start();
    }

    @Override
    public void kick() {
        doorbell.release();
    }

    @Override
    public void awaitInterrupt() {
        try {
            interrupt.tryAcquire(10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the console device", e);
        }
    }

    /** Frames whose CRC did not match or whose descriptor pointed outside the driver's memory. */
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
            serveOnce();
            if (stopping) {
                serveOnce();
                return;
            }
        }
    }

    /** A request taken off the available ring: its descriptor, length and payload (null if refused). */
    private record Request(int id, int len, byte[] payload) {
    }

    private void serveOnce() {
        List<Request> taken = gate.call(this::take);
        if (taken.isEmpty()) {
            return;
        }
        for (Request r : taken) {
            if (r.payload() != null) {
                emit(r.payload());
            }
        }
        gate.run(() -> complete(taken));
        // Raised only after the DEVICE gate closed: under mprotect the rights of a thread in a
        // gate are every thread's, so a driver woken inside it would return to user code while
        // the rings are still open (the window docs/threat-model.md describes).
        interrupt.release(taken.size());
    }

    /** Takes every pending request off the available ring. Runs in {@code DEVICE}. */
    private List<Request> take() {
        List<Request> taken = new ArrayList<>();
        VarHandle.acquireFence();
        short avail = memory.get(JAVA_SHORT_UNALIGNED, ringOffset + layout.availIdx());
        while (lastAvail != avail) {
            int slot = lastAvail & (layout.size() - 1);
            int id = memory.get(JAVA_SHORT_UNALIGNED, ringOffset + layout.availRing(slot)) & 0xffff;
            long addr = memory.get(JAVA_LONG_UNALIGNED, ringOffset + layout.descAddr(id));
            int len = memory.get(JAVA_INT_UNALIGNED, ringOffset + layout.descLen(id));
            taken.add(new Request(id, len, consume(addr, len)));
            lastAvail++;
        }
        return taken;
    }

    /** Posts {@code done} on the used ring. Runs in {@code DEVICE}. */
    private void complete(List<Request> done) {
        for (Request r : done) {
            int slot = usedIdx & (layout.size() - 1);
            memory.set(JAVA_INT_UNALIGNED, ringOffset + layout.usedId(slot), r.id());
            memory.set(JAVA_INT_UNALIGNED, ringOffset + layout.usedLen(slot), r.len());
            VarHandle.releaseFence();
            usedIdx++;
            memory.set(JAVA_SHORT_UNALIGNED, ringOffset + layout.usedIdx(), usedIdx);
        }
    }

    /** The payload of the frame at guest address {@code guestAddr}, or null if the device refuses it. */
    private byte[] consume(long guestAddr, int len) {
        long off = guestAddr - memory.address();
        if (off < 0 || len < DeviceRing.FRAME_HEADER || off + len > memory.byteSize()) {
            badFrames.incrementAndGet(); // a descriptor pointing outside the driver's memory
            return null;
        }
        int crc = memory.get(JAVA_INT_UNALIGNED, off);
        int n = memory.get(JAVA_INT_UNALIGNED, off + 4);
        if (n < 0 || n > len - DeviceRing.FRAME_HEADER) {
            badFrames.incrementAndGet();
            return null;
        }
        byte[] payload = memory.asSlice(off + DeviceRing.FRAME_HEADER, n).toArray(JAVA_BYTE);
        CRC32 check = new CRC32();
        check.update(payload);
        if ((int) check.getValue() != crc) {
            badFrames.incrementAndGet();
            return null;
        }
        return payload;
    }

    /** Writes a payload to the host, outside the gate. */
    private void emit(byte[] payload) {
        try {
            out.write(payload);
            out.flush();
            bytes.addAndGet(payload.length);
        } catch (IOException e) {
            badFrames.incrementAndGet();
        }
    }
}
