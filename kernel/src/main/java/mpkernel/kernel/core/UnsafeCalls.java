package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;

import mpkernel.isolation.Gate;
import mpkernel.unsafezone.FaultyDevice;
import mpkernel.unsafezone.RawMemory;
import mpkernel.unsafezone.virtio.Doorbell;
import mpkernel.unsafezone.virtio.VirtioConsole;
import mpkernel.unsafezone.virtio.VirtioNet;

/**
 * The kernel-to-unsafe gates: the safe kernel's only doors into {@code mpkernel.unsafezone}.
 * Each method is one crossing, of the gate into {@code UNSAFE_KERNEL} (the artifact's
 * {@code isolation_start!}/{@code isolation_end!} pair: inside it the safe kernel's memory is
 * out of reach) or, for the drivers, of the driver gate: the same gate, unless the kernel
 * declares a {@code DRIVER} domain. Console output is staged by the safe kernel straight into
 * the console driver's DMA buffer (one copy), then one crossing has the driver frame and post
 * it. A driver in its own domain cannot read user memory, so the faulty driver's data is staged
 * through a buffer in driver memory by the safe kernel. The device files over these doors are
 * {@link DeviceFiles}.
 */
public final class UnsafeCalls {

    private final Gate unsafe;
    private final Gate driver;
    private final MemorySegment staging;
    private VirtioConsole console;
    private MemorySegment consolePayload;
    private FaultyDevice faulty;
    private VirtioNet net;
    private MemorySegment netOut;
    private MemorySegment netIn;

    /**
     * Calls through {@code unsafe} and {@code driver}; {@code staging} is driver memory for
     * copying user data in and out, or {@code null} when the driver can reach user memory.
     */
    public UnsafeCalls(Gate unsafe, Gate driver, MemorySegment staging) {
        this.unsafe = unsafe;
        this.driver = driver;
        this.staging = staging;
    }

    /** The gate the drivers are entered through. */
    public Gate driverGate() {
        return driver;
    }

    /** Bytes of DMA memory the console driver wants for its frames: the driver's own figure, asked through its gate. */
    public long consoleDmaBytes() {
        return driver.callLong(VirtioConsole::dmaBytes);
    }

    /**
     * Creates the console driver inside its domain (it initialises its ring), over its DMA
     * buffer {@code dma} ({@link #consoleDmaBytes} bytes of driver memory), and asks it where in
     * that buffer a frame's payload goes: the safe kernel stages console output there.
     */
    public void attachConsole(long ring, int queueSize, MemorySegment dma, Doorbell device) {
        long dmaAddress = dma.address();
        console = driver.call(() -> new VirtioConsole(ring, queueSize, dmaAddress, device));
        long payload = driver.callLong(console::payloadAddress);
        long payloadBytes = driver.callLong(VirtioConsole::payloadBytes);
        consolePayload = dma.asSlice(payload - dmaAddress, payloadBytes);
    }

    /** Bytes of DMA memory the network driver wants for the buffers of one queue of {@code queueSize} entries, asked through its gate. */
    public long netBuffersBytes(int queueSize) {
        return driver.callLong(() -> VirtioNet.buffersBytes(queueSize));
    }

    /**
     * Creates the network driver inside its domain (it posts its receive buffers): queues at
     * {@code rxRing} and {@code txRing}, their buffers at {@code rxBuffers} and
     * {@code txBuffers}; frames pass through {@code outgoing} and {@code incoming}, staging
     * buffers in driver memory of {@link VirtioNet#MAX_FRAME} bytes or more.
     */
    public void attachNet(long rxRing, long txRing, int queueSize, long rxBuffers, long txBuffers, MemorySegment outgoing,
                          MemorySegment incoming, Doorbell device) {
        netOut = outgoing;
        netIn = incoming;
        net = driver.call(() -> new VirtioNet(rxRing, txRing, queueSize, rxBuffers, txBuffers, device));
    }

    /**
     * Sends {@code frame} (safe-kernel memory): the safe kernel stages it in driver memory,
     * then one crossing into the driver queues it. False if every transmit buffer is in flight.
     */
    public boolean netTransmit(MemorySegment frame) {
        int len = (int) frame.byteSize();
        MemorySegment.copy(frame, 0, netOut, 0, len);
        long staged = netOut.address();
        return driver.callInt(() -> net.transmit(staged, len)) == 1;
    }

    /**
     * Takes the next received frame: one crossing into the driver, which copies it into the
     * staging buffer, from which the safe kernel copies it into {@code into}. Returns its
     * length, or -1 if none was waiting.
     */
    public int netReceive(MemorySegment into) {
        long staging = netIn.address();
        int capacity = (int) Math.min(netIn.byteSize(), into.byteSize());
        int n = driver.callInt(() -> net.receive(staging, capacity));
        if (n > 0) {
            MemorySegment.copy(netIn, 0, into, 0, n);
        }
        return n;
    }

    /** Fault injection: the network driver copies the next frame it transmits to {@code address}. */
    public void misdirectNetTransmit(long address) {
        driver.run(() -> net.misdirectNextTransmit(address));
    }

    /** Creates the faulty driver over its buffer, inside its domain. */
    public void attachFaulty(long buffer, long size) {
        faulty = driver.call(() -> new FaultyDevice(buffer, size));
    }

    /** {@code write_bytes}: sets {@code len} bytes at {@code address}. */
    public void writeBytes(long address, byte value, long len) {
        unsafe.run(() -> RawMemory.writeBytes(address, value, len));
    }

    /** {@code copy_nonoverlapping} between memory the unsafe kernel may touch. */
    public void copyNonoverlapping(long src, long dst, long len) {
        unsafe.run(() -> RawMemory.copyNonoverlapping(src, dst, len));
    }

    /**
     * Sends {@code src} to the console: for each frame's worth, the safe kernel copies the
     * bytes straight into the driver's DMA buffer, then one crossing into the driver frames and
     * posts them. {@code src} may be any memory the safe kernel can read (user memory, or the
     * kernel's own heap copy of a string): the driver never reads it.
     */
    public long consoleWrite(MemorySegment src) {
        long len = src.byteSize();
        for (long off = 0; off < len; off += consolePayload.byteSize()) {
            int n = (int) Math.min(consolePayload.byteSize(), len - off);
            MemorySegment.copy(src, off, consolePayload, 0, n);
            driver.callLong(() -> console.send(n));
        }
        return len;
    }

    /** The faulty driver's write handler; {@code src} is native memory (user or unsafe-kernel). */
    public long faultyWrite(long offset, MemorySegment src) {
        long len = src.byteSize();
        if (staging == null) {
            long addr = src.address();
            return driver.callLong(() -> faulty.write(offset, addr, len));
        }
        long n = Math.min(len, staging.byteSize());
        MemorySegment.copy(src, 0, staging, 0, n);
        return driver.callLong(() -> faulty.write(offset, staging.address(), n));
    }

    /** The faulty driver's read handler. */
    public long faultyRead(long offset, MemorySegment dst) {
        long len = dst.byteSize();
        if (staging == null) {
            long addr = dst.address();
            return driver.callLong(() -> faulty.read(offset, addr, len));
        }
        long n = Math.min(len, staging.byteSize());
        long got = driver.callLong(() -> faulty.read(offset, staging.address(), n));
        MemorySegment.copy(staging, 0, dst, 0, n);
        return got;
    }

    /** Fault injection: the console driver's {@code afterRequests}-th next descriptor gets address bit {@code bit} flipped. */
    public void flipConsoleDescriptorBit(int afterRequests, int bit) {
        driver.run(() -> console.flipDescriptorBit(afterRequests, bit));
    }

    /** Where the faulty driver's buffer is. */
    public long faultyBuffer() {
        return driver.callLong(faulty::buffer);
    }
}
