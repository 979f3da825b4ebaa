package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * words. Sums are kept in a {@code long} and folded at the end, so 32-bit words can be added
 * at a time.
 */
final class Checksum {

    private Checksum() {
    }

    /** {@code sum} plus the words of {@code len} bytes at {@code offset} (an odd last byte is padded with zero). */
    static long add(long sum, MemorySegment s, long offset, int len) {
        int i = 0;
        for (; i + 3 < len; i += 4) {
            sum += NetOrder.u32(s, offset + i) & 0xffffffffL;
        }
        if (i + 1 < len) {
            sum += NetOrder.u16(s, offset + i);
            i += 2;
        }
        if (i < len) {
            sum += NetOrder.u8(s, offset + i) << 8;
        }
        return sum;
    }

    /** The sum of the IPv4 pseudo-header of a TCP or UDP segment. */
    static long pseudoHeader(int source, int destination, int protocol, int length) {
        return (source >>> 16) + (source & 0xffff) + (destination >>> 16) + (destination & 0xffff) + protocol + length;
    }

    /** The checksum field's value for {@code sum}: folded to 16 bits and complemented. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }

    /** Whether data whose sum (checksum field included) is {@code sum} verifies. */
    static boolean verifies(long sum) {
        return finish(sum) == 0;
    }
}
