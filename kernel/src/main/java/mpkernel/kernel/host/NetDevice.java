package mpkernel.kernel.host;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import mpkernel.isolation.Gate;
import mpkernel.unsafezone.virtio.Doorbell;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The emulated virtio-net device, between the driver's two queues and a {@link NetBackend}
 * that stands for the host's network. A thread of its own serves the transmit queue: each time
 * the driver rings, it enters the {@code DEVICE} domain, copies the posted frames out of the
 * driver's buffers and completes them, and outside the gate hands them to the backend. Frames
 * from the backend ({@link #deliver}) enter the gate once per batch, each filling one receive
 * buffer the driver posted (a frame with none left is dropped, as a full NIC drops it), and
 * then raise the interrupt the kernel's network thread waits for. A descriptor pointing outside
 * the driver's memory, or too short for its frame, is refused: completed with nothing in it.
 * The queues are read with the device's own {@link DeviceRing}, and the buffers' format from the
 * device's own reading of the specification: nothing of the driver's code is shared.
 */
public final class NetDevice implements Doorbell {

    /**
     * Bytes of the {@code virtio_net_hdr} before each frame (virtio 1.x, section 5.1.6: with
     * {@code VIRTIO_F_VERSION_1} it always has {@code num_buffers}).
     */
    static final int HEADER = 12;
    /** Descriptor flag {@code VIRTQ_DESC_F_WRITE} (section 2.7.5): the device may write the buffer. */
    static final short DESC_F_WRITE = 2;
    /** The largest transmit buffer the device copies out: a header and more than any Ethernet frame the backends carry. */
    static final int MAX_TRANSMIT = 2048;

    private final Gate gate;
    private final MemorySegment memory;
    private final DeviceRing layout;
    private final long rxRing;
    private final long txRing;
    private final Runnable interrupt;
    private final Semaphore doorbell = new Semaphore(0);
    private final AtomicLong completions = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private NetBackend backend;
    private short rxSeen;
    private short rxUsed;
    private short txSeen;
    private short txUsed;

    /**
     * A device for the queues at guest addresses {@code rxRing} and {@code txRing} inside
     * {@code memory} (the driver's region, reached through {@code deviceGate}); it signals
     * received frames by running {@code interrupt}; its thread comes from {@code threads}.
     */
    public NetDevice(Gate deviceGate, MemorySegment memory, long rxRing, long txRing, int queueSize, Runnable interrupt,
                     Function<Runnable, Thread> threads) {
        this.gate = deviceGate;
        this.memory = memory;
        this.layout = new DeviceRing(queueSize);
        this.rxRing = rxRing - memory.address();
        this.txRing = txRing - memory.address();
        this.interrupt = interrupt;
        this.thread = threads.apply(this::serveTransmitQueue);
        thread.setDaemon(true);
    }

    /** Bytes of one queue of {@code queueSize} entries, by the device's own reading of the specification. */
    public static long ringBytes(int queueSize) {
        return new DeviceRing(queueSize).bytes();
    }

    /** Connects {@code host} and starts serving. */
    public void start(NetBackend host) {
        backend = host;
        host.start(this::deliver);
        thread.start();
    }

    @Override
    public void kick() {
        doorbell.release();
    }

    /** Never called: the network driver does not wait for its device (the kernel's network thread waits for the interrupt). */
    @Override
    public void awaitInterrupt() {
        throw new UnsupportedOperationException("the network driver never waits for its device");
    }

    /** Completions posted on the receive queue so far: frames placed, and descriptors refused. */
    public long completions() {
        return completions.get();
    }

    /** Frames from the host dropped because the guest had no receive buffer free. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Hands {@code frames} from the host to the guest and raises the interrupt. Called by the
     * backend's threads, outside every gate.
     */
    public synchronized void deliver(List<byte[]> frames) {
        if (frames.isEmpty() || stopping) {
            return;
        }
        int posted = gate.callInt(() -> fill(frames));
        completions.addAndGet(posted);
        if (posted > 0) {
            interrupt.run();
        }
    }

    /** Stops the thread and the backend. */
    public void stop() throws InterruptedException {
        stopping = true;
        doorbell.release();
        thread.join(5000);
        if (backend != null) {
            backend.close();
        }
    }

    private void serveTransmitQueue() {
        while (!stopping) {
            try {
                doorbell.tryAcquire(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            List<byte[]> frames = gate.call(this::takeTransmitted);
            for (byte[] f : frames) {
                backend.send(f);
            }
        }
    }

    /** Copies out every frame the driver posted for sending and completes it. Runs in {@code DEVICE}. */
    private List<byte[]> takeTransmitted() {
        List<byte[]> frames = new ArrayList<>();
        VarHandle.acquireFence();
        short avail = memory.get(JAVA_SHORT_UNALIGNED, txRing + layout.availIdx());
        while (txSeen != avail) {
            int id = memory.get(JAVA_SHORT_UNALIGNED, txRing + layout.availRing(txSeen & (layout.size() - 1))) & 0xffff;
            txSeen++;
            long offset = id < layout.size() ? memory.get(JAVA_LONG_UNALIGNED, txRing + layout.descAddr(id)) - memory.address() : -1;
            int len = id < layout.size() ? memory.get(JAVA_INT_UNALIGNED, txRing + layout.descLen(id)) : 0;
            if (offset >= 0 && len > HEADER && len <= MAX_TRANSMIT && offset + len <= memory.byteSize()) {
                frames.add(memory.asSlice(offset + HEADER, len - HEADER).toArray(JAVA_BYTE));
            }
            complete(txRing, txUsed++, id, 0);
        }
        return frames;
    }

    /**
     * Places as many of {@code frames} as there are receive buffers; returns how many
     * completions it posted (refused descriptors included). Runs in {@code DEVICE}.
     */
    private int fill(List<byte[]> frames) {
        int posted = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            VarHandle.acquireFence();
            short avail = memory.get(JAVA_SHORT_UNALIGNED, rxRing + layout.availIdx());
            if (rxSeen == avail) {
                dropped.addAndGet(frames.size() - i);
                break;
            }
            int id = memory.get(JAVA_SHORT_UNALIGNED, rxRing + layout.availRing(rxSeen & (layout.size() - 1))) & 0xffff;
            rxSeen++;
            long offset = id < layout.size() ? memory.get(JAVA_LONG_UNALIGNED, rxRing + layout.descAddr(id)) - memory.address() : -1;
            int capacity = id < layout.size() ? memory.get(JAVA_INT_UNALIGNED, rxRing + layout.descLen(id)) : 0;
            boolean writable = id < layout.size()
                    && (memory.get(JAVA_SHORT_UNALIGNED, rxRing + layout.descFlags(id)) & DESC_F_WRITE) != 0;
            int len = HEADER + f.length;
            posted++;
            if (offset < 0 || !writable || capacity < len || offset + capacity > memory.byteSize()) {
                complete(rxRing, rxUsed++, id, 0);
                continue;
            }
            memory.asSlice(offset, HEADER).fill((byte) 0);
            MemorySegment.copy(MemorySegment.ofArray(f), 0, memory, offset + HEADER, f.length);
            complete(rxRing, rxUsed++, id, len);
        }
        return posted;
    }

    /** Posts used-ring entry {@code index} of the queue at {@code ring}: descriptor {@code id}, {@code len} bytes written. */
    private void complete(long ring, short index, int id, int len) {
        int slot = index & (layout.size() - 1);
        memory.set(JAVA_INT_UNALIGNED, ring + layout.usedId(slot), id);
        memory.set(JAVA_INT_UNALIGNED, ring + layout.usedLen(slot), len);
        VarHandle.releaseFence();
        memory.set(JAVA_SHORT_UNALIGNED, ring + layout.usedIdx(), (short) (index + 1));
    }
}
