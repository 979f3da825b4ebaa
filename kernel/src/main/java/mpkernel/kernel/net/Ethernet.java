package mpkernel.kernel.net;

/** Ethernet II framing: the header's offsets and the frame types the stack speaks. */
final class Ethernet {

    static final int HEADER = 14;
    static final int DESTINATION = 0;
    static final int SOURCE = 6;
    static final int TYPE = 12;
    static final int TYPE_IPV4 = 0x0800;
    static final int TYPE_ARP = 0x0806;
    static final long BROADCAST = 0xffff_ffff_ffffL;
    /** The largest frame on a 1500-byte MTU, without the frame check sequence (which TAP devices omit). */
    static final int MAX_FRAME = HEADER + Interface.MTU;
    /** Bytes of each of the stack's frame buffers. */
    static final int BUFFER = 2048;

    private Ethernet() {
    }
}
