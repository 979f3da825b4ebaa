package mpkernel.unsafezone;

import java.lang.foreign.MemorySegment;

/**
 * The unsafe kernel's raw-memory primitives, after Rust's {@code core::ptr::write_bytes} and
 * {@code copy_nonoverlapping}: they trust the addresses they are given, which is why they run
 * in {@code UNSAFE_KERNEL} (the paper's microbenchmark subject is exactly this {@code write_bytes}).
 */
public final class RawMemory {

    private RawMemory() {
    }

    /** Sets {@code len} bytes at {@code address} to {@code value}. No bounds check: the caller vouches for the range. */
    public static void writeBytes(long address, byte value, long len) {
        MemorySegment.ofAddress(address).reinterpret(len).fill(value);
    }

    /** Copies {@code len} bytes from {@code src} to {@code dst}; the ranges must not overlap. No bounds check. */
    public static void copyNonoverlapping(long src, long dst, long len) {
        MemorySegment.copy(MemorySegment.ofAddress(src).reinterpret(len), 0,
                MemorySegment.ofAddress(dst).reinterpret(len), 0, len);
    }
}
