package mpkernel.kernel.boot;

import java.io.OutputStream;
import java.util.function.Function;

import mpkernel.isolation.DomainMemory;
import mpkernel.isolation.Gate;
import mpkernel.kernel.core.UnsafeCalls;
import mpkernel.kernel.host.ConsoleDevice;
import mpkernel.kernel.mm.PageAllocator;

/**
 * A kernel's console, wired at boot (beside {@link Network}): the virtio console driver's queue
 * and DMA buffer in the driver's memory, the driver attached through the unsafe-call door, and
 * the emulated device (domain {@code DEVICE}) that writes the frames to the host's output.
 */
final class Console {

    static final int QUEUE_SIZE = 16;

    private final ConsoleDevice device;
    private final long ring;

    private Console(ConsoleDevice device, long ring) {
        this.device = device;
        this.ring = ring;
    }

    /**
     * Wires the console over driver memory {@code driver} and its pages; runs inside the gate
     * into {@code SAFE_KERNEL}. The device thread starts with {@link #start}.
     */
    static Console wire(DomainMemory driver, PageAllocator driverPages, UnsafeCalls unsafe, Gate deviceGate, OutputStream out,
                        Function<Runnable, Thread> threads) {
        long ring = driverPages.allocate(1);
        long dmaBytes = unsafe.consoleDmaBytes();
        long dma = driverPages.allocate((dmaBytes + PageAllocator.PAGE - 1) / PageAllocator.PAGE);
        ConsoleDevice device = new ConsoleDevice(deviceGate, driver.segment(), ring, QUEUE_SIZE, out, threads);
        unsafe.attachConsole(ring, QUEUE_SIZE, driver.segment().asSlice(dma - driver.address(), dmaBytes), device);
        return new Console(device, ring);
    }

    void start() {
        device.start();
    }

    void stop() throws InterruptedException {
        device.stop();
    }

    /** Address of the console's virtqueue. */
    long ring() {
        return ring;
    }

    /** Bytes of the console's virtqueue. */
    long ringBytes() {
        return device.ringBytes();
    }

    /** Frames the device rejected. */
    long badFrames() {
        return device.badFrames();
    }
}
