package mpkernel.kernel.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;
import mpkernel.kernel.net.Link;
import mpkernel.kernel.net.NetConfig;
import mpkernel.kernel.net.NetMemory;
import mpkernel.kernel.net.NetStack;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The host of {@code --net loop}, for machines without TAP devices: a second instance of the
 * kernel's own network stack, at {@link NetConfig#HOST}, on memory of its own (of no domain:
 * it stands for the host, like the device), wired back to back with the device. Its thread
 * runs the peer stack whenever frames arrive or a timer is due; a {@link PortForwarder} lets
 * programs on the real host (a {@code java.net} client, {@code nc}) reach the guest through it.
 */
public final class LoopPeer implements NetBackend {

    private static final long MEMORY = 16L << 20;
    private static final long TABLES = 2L << 20;

    private final Arena arena = Arena.ofShared();
    private final ConcurrentLinkedQueue<byte[]> inbox = new ConcurrentLinkedQueue<>();
    private final Semaphore wake = new Semaphore(0);
    private final Function<Runnable, Thread> threads;
    private final NetStack stack;
    private final PortForwarder forwarder;
    private volatile Consumer<List<byte[]>> toGuest;
    private volatile boolean stopping;
    private Thread thread;

    private LoopPeer(Function<Runnable, Thread> threads, long isnKey) {
        this.threads = threads;
        MemorySegment region = arena.allocate(MEMORY, PageAllocator.PAGE);
        StaticArea tables = new StaticArea(region.asSlice(0, TABLES));
        long pages = (MEMORY - TABLES) / PageAllocator.PAGE;
        PageAllocator pageAllocator = new PageAllocator("peer", tables.carve(PageAllocator.bitmapBytes(pages)),
                region.address() + TABLES, pages);
        HeapAllocator heap = new HeapAllocator("peer heap", pageAllocator, tables, 1024);
        this.stack = new NetStack(new NetMemory(tables, heap, region), NetConfig.HOST, new PeerLink(), isnKey);
        this.forwarder = PortForwarder.open(stack, NetConfig.GUEST.address(), threads);
    }

    /**
     * A peer whose forwarder listens on the host's loopback now (at boot: it opens sockets).
     *
     * @throws IllegalStateException if the loopback cannot be used
     */
    public static LoopPeer open(Function<Runnable, Thread> threads, long isnKey) {
        return new LoopPeer(threads, isnKey);
    }

    /** The peer's stack, for tests that play the host themselves. */
    public NetStack stack() {
        return stack;
    }

    /** The forwarder from the host's loopback to the guest. */
    public PortForwarder forwarder() {
        return forwarder;
    }

    @Override
    public void start(Consumer<List<byte[]>> guest) {
        toGuest = guest;
        thread = threads.apply(this::run);
        thread.setDaemon(true);
        thread.start();
        forwarder.start();
    }

    private void run() {
        while (!stopping) {
            long now = System.nanoTime();
            long next = stack.poll();
            long wait = next == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(100) : Math.min(next - now, TimeUnit.MILLISECONDS.toNanos(100));
            if (wait > 0 && inbox.isEmpty()) {
                try {
                    wake.tryAcquire(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            wake.drainPermits();
        }
    }

    @Override
    public void send(byte[] frame) {
        inbox.add(frame);
        wake.release();
    }

    @Override
    public void close() {
        stopping = true;
        forwarder.close();
        wake.release();
        try {
            if (thread != null) {
                thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            arena.close();
        } catch (IllegalStateException e) {
            // a relay thread still holds the memory: the process's end frees it
        }
    }

    /** The peer's wire: frames it sends go straight to the device; frames the guest sent wait in the inbox. */
    private final class PeerLink implements Link {
        @Override
        public boolean transmit(MemorySegment frame) {
            Consumer<List<byte[]>> guest = toGuest;
            if (guest != null) {
                guest.accept(List.of(frame.toArray(JAVA_BYTE)));
            }
            return true;
        }

        @Override
        public int receive(MemorySegment into) {
            byte[] frame = inbox.poll();
            if (frame == null) {
                return -1;
            }
            int n = (int) Math.min(frame.length, into.byteSize());
            MemorySegment.copy(MemorySegment.ofArray(frame), 0, into, 0, n);
            return n;
        }
    }
}
