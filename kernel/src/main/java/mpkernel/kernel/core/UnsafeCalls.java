package mpkernel.kernel.core;

import java.lang.foreign.MemorySegment;

import mpkernel.isolation.Gate;
import mpkernel.unsafezone.FaultyDevice;
import mpkernel.unsafezone.RawMemory;
import mpkernel.unsafezone.virtio.VirtioConsole;

/**
 * The kernel-to-unsafe gate: the safe kernel's only door into {@code mpkernel.unsafezone}. Each
 * method is one crossing of the gate into {@code UNSAFE_KERNEL}, the artifact's
 * {@code isolation_start!}/{@code isolation_end!} pair: inside it the safe kernel's memory is
 * out of reach.
 */
public final class UnsafeCalls {

    private final Gate unsafe;
    private VirtioConsole console;
    private FaultyDevice faulty;

    public UnsafeCalls(Gate unsafe) {
        this.unsafe = unsafe;
    }

    /** Creates the console driver inside the unsafe kernel (it initialises its ring). */
    public void attachConsole(long ring, int queueSize, long dma, mpkernel.unsafezone.virtio.ConsoleDevice device) {
        console = unsafe.call(() -> new VirtioConsole(ring, queueSize, dma, device));
    }

    /** Creates the faulty driver over its buffer. */
    public void attachFaulty(long buffer, long size) {
        faulty = new FaultyDevice(buffer, size);
    }

    /** {@code write_bytes}: sets {@code len} bytes at {@code address}. */
    public void writeBytes(long address, byte value, long len) {
        unsafe.run(() -> RawMemory.writeBytes(address, value, len));
    }

    /** {@code copy_nonoverlapping} between memory the unsafe kernel may touch. */
    public void copyNonoverlapping(long src, long dst, long len) {
        unsafe.run(() -> RawMemory.copyNonoverlapping(src, dst, len));
    }

    /** Sends {@code src} (user or unsafe-kernel memory) to the console through the virtio driver. */
    public long consoleWrite(MemorySegment src) {
        long addr = src.address();
        long len = src.byteSize();
        return unsafe.callLong(() -> console.write(addr, len));
    }

    /** The faulty driver's write handler. */
    public long faultyWrite(long offset, MemorySegment src) {
        long addr = src.address();
        long len = src.byteSize();
        return unsafe.callLong(() -> faulty.write(offset, addr, len));
    }

    /** The faulty driver's read handler. */
    public long faultyRead(long offset, MemorySegment dst) {
        long addr = dst.address();
        long len = dst.byteSize();
        return unsafe.callLong(() -> faulty.read(offset, addr, len));
    }

    /** Fault injection: the console driver's {@code afterRequests}-th next descriptor gets address bit {@code bit} flipped. */
    public void flipConsoleDescriptorBit(int afterRequests, int bit) {
        console.flipDescriptorBit(afterRequests, bit);
    }

    /** Where the faulty driver's buffer is. */
    public long faultyBuffer() {
        return faulty.buffer();
    }
}
