package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Gate;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.core.DriverLink;
import mpkernel.kernel.core.NetAnnouncer;
import mpkernel.kernel.core.NetDaemon;
import mpkernel.kernel.core.SocketCalls;
import mpkernel.kernel.core.SocketWaits;
import mpkernel.kernel.core.UnsafeCalls;
import mpkernel.kernel.host.LoopPeer;
import mpkernel.kernel.host.NetBackend;
import mpkernel.kernel.host.NetDevice;
import mpkernel.kernel.host.TapBackend;
import mpkernel.kernel.mm.HeapAllocator;
import mpkernel.kernel.mm.PageAllocator;
import mpkernel.kernel.mm.StaticArea;
import mpkernel.kernel.net.NetConfig;
import mpkernel.kernel.net.NetMemory;
import mpkernel.kernel.net.NetStack;
import mpkernel.kernel.net.Readiness;

/**
 * A kernel's network, wired at boot: the stack in safe-kernel memory (tables in the kernel's
 * static area, buffers from a pool of {@value #POOL_BYTES} bytes of its own, so that a flood of
 * connections cannot take the file system's memory), the virtio-net driver's queues, buffers
 * and staging buffers in the driver's memory, the emulated device (domain {@code DEVICE}) and
 * its backend, and the kernel's network thread. It announces, once, where the program can be
 * reached.
 */
final class Network implements NetAnnouncer {

    static final int QUEUE_SIZE = 256;
    static final long POOL_BYTES = 16L << 20;

    private final NetSpec spec;
    private final NetStack stack;
    private final HeapAllocator heap;
    private final NetDevice device;
    private final NetBackend backend;
    private final NetDaemon daemon;
    private final SocketCalls calls;
    private final AtomicBoolean announced = new AtomicBoolean();

    private Network(NetSpec spec, NetStack stack, HeapAllocator heap, NetDevice device, NetBackend backend, NetDaemon daemon,
                    SocketCalls calls) {
        this.spec = spec;
        this.stack = stack;
        this.heap = heap;
        this.device = device;
        this.backend = backend;
        this.daemon = daemon;
        this.calls = calls;
    }

    /** The memory and gates the network is wired from. */
    record Parts(StaticArea tables, DomainMemory safe, PageAllocator safePages, DomainMemory driver, PageAllocator driverPages,
                 DomainMemory user, UnsafeCalls unsafe, Gate safeGate, Gate deviceGate, Function<Runnable, Thread> threads) {
    }

    /**
     * Builds the network of {@code spec}; runs inside the gate into {@code SAFE_KERNEL}, at boot
     * (a TAP interface is attached, the peer's host sockets are opened, here).
     *
     * @throws IllegalStateException if the TAP interface cannot be attached
     */
    static Network wire(NetSpec spec, Parts p) {
        long poolPages = POOL_BYTES / PageAllocator.PAGE;
        long pool = p.safePages().allocate(poolPages);
        PageAllocator pages = new PageAllocator("network", p.tables().carve(PageAllocator.bitmapBytes(poolPages)), pool, poolPages);
        HeapAllocator heap = new HeapAllocator("network heap", pages, p.tables(), 1024);

        // as for the console: the queues' size by the device's reading of the specification, the
        // buffers' by the driver's own figure, asked through its gate
        long ringPages = pagesFor(NetDevice.ringBytes(QUEUE_SIZE));
        long bufferPages = pagesFor(p.unsafe().netBuffersBytes(QUEUE_SIZE));
        long rxRing = p.driverPages().allocate(ringPages);
        long txRing = p.driverPages().allocate(ringPages);
        long rxBuffers = p.driverPages().allocate(bufferPages);
        long txBuffers = p.driverPages().allocate(bufferPages);
        MemorySegment staging = slice(p.driver(), p.driverPages().allocate(1), PageAllocator.PAGE);

        Semaphore interrupt = new Semaphore(0);
        // the interrupt wakes a caller waiting for a socket, whose next crossing takes the frames
        // (saving the network thread's), and the network thread, which takes them if no caller has
        // within the grace (Readiness.graceEnd)
        Readiness[] readiness = new Readiness[1];
        NetDevice device = new NetDevice(p.deviceGate(), p.driver().segment(), rxRing, txRing, QUEUE_SIZE, () -> {
            readiness[0].framesArrived();
            interrupt.release();
        }, p.threads());
        SecureRandom random = new SecureRandom();
        NetBackend backend = spec.kind() == NetSpec.Kind.TAP ? TapBackend.open(spec.tapInterface(), p.threads())
                : LoopPeer.open(p.threads(), random.nextLong());
        p.unsafe().attachNet(rxRing, txRing, QUEUE_SIZE, rxBuffers, txBuffers, staging.asSlice(0, PageAllocator.PAGE / 2),
                staging.asSlice(PageAllocator.PAGE / 2), device);
        NetStack stack = new NetStack(new NetMemory(p.tables(), heap, p.safe().segment()), NetConfig.GUEST,
                new DriverLink(p.unsafe(), device::completions), random.nextLong());
        readiness[0] = stack.readiness();
        stack.onEarlierTimer(interrupt::release);
        NetDaemon daemon = new NetDaemon(p.safeGate(), stack, interrupt, p.threads());
        return new Network(spec, stack, heap, device, backend, daemon, new SocketCalls(stack, p.user()));
    }

    /** Starts the device, its backend and the network thread (outside every gate). */
    void start() {
        device.start(backend);
        daemon.start();
    }

    /** Stops them. */
    void stop() throws InterruptedException {
        daemon.stop();
        device.stop();
    }

    NetStack stack() {
        return stack;
    }

    /** The pool the stack's buffers come from, for the integrity audit. */
    HeapAllocator heap() {
        return heap;
    }

    SocketCalls calls() {
        return calls;
    }

    SocketWaits waits() {
        return new SocketWaits(stack.readiness());
    }

    /** The in-process peer, if the network is {@link NetSpec.Kind#LOOP}. */
    LoopPeer peer() {
        return backend instanceof LoopPeer peer ? peer : null;
    }

    /** {@code /proc/net}. */
    ProcNetFile procFile() {
        return new ProcNetFile(stack);
    }

    /**
     * Announces, the first time, where the program is: {@code net: LABEL, guest ADDR, host
     * ADDR[, port N]}, with the loopback port that forwards to it on the peer; tells the peer's
     * forwarder every port the program serves.
     */
    @Override
    public void serving(int port, boolean udp) {
        LoopPeer peer = peer();
        String forwarded = "";
        if (peer != null && port != 0) {
            if (udp) {
                peer.forwarder().forwardUdp(port);
                forwarded = ", udp forwarded from 127.0.0.1:" + peer.forwarder().udpPort();
            } else {
                peer.forwarder().forwardTcp(port);
                forwarded = ", tcp forwarded from 127.0.0.1:" + peer.forwarder().tcpPort();
            }
        }
        if (announced.compareAndSet(false, true)) {
            spec.announce().accept("net: " + spec.label() + ", guest " + SockAddr.format(NetConfig.GUEST.address())
                    + ", host " + SockAddr.format(NetConfig.GUEST.gateway()) + (port != 0 ? ", port " + port : "") + forwarded);
        }
    }

    /** The emulated device (tests hand it frames of their own). */
    NetDevice device() {
        return device;
    }

    /** The kernel's network thread (tests stop it to count a thread's own crossings). */
    NetDaemon daemon() {
        return daemon;
    }

    private static long pagesFor(long bytes) {
        return (bytes + PageAllocator.PAGE - 1) / PageAllocator.PAGE;
    }

    private static MemorySegment slice(DomainMemory m, long address, long bytes) {
        return m.segment().asSlice(address - m.address(), bytes);
    }
}
