package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/**
 * Where the IPv4 packet being received sits in its frame, once {@link Ipv4} has checked it:
 * read by the protocol that handles it, and overwritten by the next frame. Values of the
 * packet in hand only, never state that outlives it.
 */
final class Packet {
    MemorySegment frame;
    int source;
    int destination;
    int protocol;
    /** Offset of the IP payload in {@link #frame}. */
    int offset;
    /** Bytes of the IP payload. */
    int length;
}
