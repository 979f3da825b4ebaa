package mpkernel.unsafezone;

import java.lang.foreign.MemorySegment;

import mpkernel.annotations.RunsIn;

/**
 * {@code /dev/faulty}: a driver with a bug planted on purpose, the vehicle of the wild-write and
 * leak demonstrations. Its read and write handlers take the file offset as an index into the
 * driver's own buffer and never check it against the buffer's size: a user who seeks past the
 * buffer makes unsafe-kernel code read or write wherever it points. Isolation must catch that
 * when it points into the safe kernel. It runs in {@code DRIVER} when the kernel declares that
 * domain, else in {@code UNSAFE_KERNEL}.
 */
@RunsIn(value = "DRIVER", otherwise = "UNSAFE_KERNEL")
public final class FaultyDevice {

    private final long buffer;
    private final long size;

    /** A device whose buffer is {@code size} bytes at {@code buffer} (unsafe-kernel memory). */
    public FaultyDevice(long buffer, long size) {
        this.buffer = buffer;
        this.size = size;
    }

    /** Start of the driver's buffer. */
    public long buffer() {
        return buffer;
    }

    /** Size of the driver's buffer. */
    public long size() {
        return size;
    }

    /** Copies {@code len} bytes from {@code src} to the buffer at {@code offset}. BUG: {@code offset + len} is not checked. */
    public long write(long offset, long src, long len) {
        copy(src, buffer + offset, len);
        return len;
    }

    /** Copies {@code len} bytes from the buffer at {@code offset} to {@code dst}. BUG: {@code offset + len} is not checked. */
    public long read(long offset, long dst, long len) {
        copy(buffer + offset, dst, len);
        return len;
    }

    /** The driver's own unchecked copy (not RawMemory's, so a fault here is attributed to the driver). */
    private static void copy(long src, long dst, long len) {
        MemorySegment.copy(MemorySegment.ofAddress(src).reinterpret(len), 0, MemorySegment.ofAddress(dst).reinterpret(len), 0, len);
    }
}
