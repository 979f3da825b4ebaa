package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/** Reads and writes of the network's byte order (big-endian) at any offset of a frame. */
final class NetOrder {

    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private NetOrder() {
    }

    static int u8(MemorySegment s, long offset) {
        return s.get(JAVA_BYTE, offset) & 0xff;
    }

    static int u16(MemorySegment s, long offset) {
        return s.get(U16, offset) & 0xffff;
    }

    static int u32(MemorySegment s, long offset) {
        return s.get(U32, offset);
    }

    static void put8(MemorySegment s, long offset, int value) {
        s.set(JAVA_BYTE, offset, (byte) value);
    }

    static void put16(MemorySegment s, long offset, int value) {
        s.set(U16, offset, (short) value);
    }

    static void put32(MemorySegment s, long offset, int value) {
        s.set(U32, offset, value);
    }

    /** A 48-bit MAC address, first byte most significant. */
    static long mac(MemorySegment s, long offset) {
        return (long) u16(s, offset) << 32 | (u32(s, offset + 2) & 0xffffffffL);
    }

    static void putMac(MemorySegment s, long offset, long mac) {
        put16(s, offset, (int) (mac >>> 32));
        put32(s, offset + 2, (int) mac);
    }
}
