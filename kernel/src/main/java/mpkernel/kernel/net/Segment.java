package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/**
 * The TCP header of the segment in hand, as {@link Tcp} read it from the frame: values of that
 * one segment, overwritten by the next, never state that outlives it.
 */
final class Segment {

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    /** The minimum header; {@value #OPTIONS_MSS} more when the MSS option is carried. */
    static final int HEADER = 20;
    static final int OPTIONS_MSS = 4;

    int source;
    int destination;
    int sourcePort;
    int destinationPort;
    int seq;
    int ack;
    int flags;
    int window;
    /** The MSS option's value, 0 if absent. */
    int mss;
    MemorySegment frame;
    /** Offset of the data in {@link #frame}. */
    int data;
    int dataLength;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Sequence space the segment occupies: its data, plus one for SYN and one for FIN. */
    int length() {
        return dataLength + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
    }

    /**
     * Reads the segment {@code p} holds; false (nothing read) if its header is truncated or its
     * length bogus. The checksum is the caller's to verify.
     */
    boolean parse(Packet p) {
        if (p.length < HEADER) {
            return false;
        }
        int at = p.offset;
        int headerBytes = (NetOrder.u8(p.frame, at + 12) >>> 4) * 4;
        if (headerBytes < HEADER || headerBytes > p.length) {
            return false;
        }
        frame = p.frame;
        source = p.source;
        destination = p.destination;
        sourcePort = NetOrder.u16(p.frame, at);
        destinationPort = NetOrder.u16(p.frame, at + 2);
        seq = NetOrder.u32(p.frame, at + 4);
        ack = NetOrder.u32(p.frame, at + 8);
        flags = NetOrder.u8(p.frame, at + 13);
        window = NetOrder.u16(p.frame, at + 14);
        data = at + headerBytes;
        dataLength = p.length - headerBytes;
        mss = 0;
        readOptions(at + HEADER, at + headerBytes);
        return true;
    }

    /** Finds the MSS option (kind 2, length 4) among the options in {@code [from, to)}; skips the rest. */
    private void readOptions(int from, int to) {
        int i = from;
        while (i < to) {
            int kind = NetOrder.u8(frame, i);
            if (kind == 0) {
                return;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= to) {
                return;
            }
            int len = NetOrder.u8(frame, i + 1);
            if (len < 2 || i + len > to) {
                return;
            }
            if (kind == 2 && len == 4) {
                mss = NetOrder.u16(frame, i + 2);
            }
            i += len;
        }
    }
}
