package mpkernel.kernel.net;

/** What the stack counts, as {@code /proc/net} names it. */
enum Counter {
    FRAMES_IN("frames-in"),
    FRAMES_OUT("frames-out"),
    BYTES_IN("bytes-in"),
    BYTES_OUT("bytes-out"),
    /** A frame not sent because every transmit buffer was in flight. */
    LINK_BUSY("link-busy"),
    DROP_TRUNCATED("drop-truncated", true),
    DROP_NOT_OURS("drop-not-ours", true),
    DROP_ETHERTYPE("drop-ethertype", true),
    DROP_BAD_HEADER("drop-bad-header", true),
    DROP_CHECKSUM("drop-checksum", true),
    DROP_FRAGMENT("drop-fragment", true),
    DROP_PROTOCOL("drop-protocol", true),
    ARP_IN("arp-in"),
    ARP_REQUESTS_OUT("arp-requests-out"),
    ARP_REPLIES_OUT("arp-replies-out"),
    ICMP_ECHO_REPLIES("icmp-echo-replies"),
    ICMP_UNREACHABLE_OUT("icmp-port-unreachable-out"),
    UDP_IN("udp-in"),
    UDP_OUT("udp-out"),
    UDP_NO_PORT("udp-no-port", true),
    UDP_QUEUE_FULL("udp-queue-full", true),
    TCP_IN("tcp-in"),
    TCP_OUT("tcp-out"),
    TCP_RETRANSMISSIONS("tcp-retransmissions"),
    /** Resends on the third duplicate ACK (each also counts as a retransmission). */
    TCP_FAST_RETRANSMITS("tcp-fast-retransmits"),
    /** Expiries of the retransmission timer with data in flight: the slow way losses are repaired. */
    TCP_RETRANSMISSION_TIMEOUTS("tcp-retransmission-timeouts"),
    TCP_TIMEOUTS("tcp-timeouts"),
    TCP_RESETS_IN("tcp-resets-in"),
    TCP_RESETS_OUT("tcp-resets-out"),
    TCP_OUT_OF_WINDOW("tcp-out-of-window", true),
    /** A segment beyond {@code RCV.NXT} thrown away (no room to hold it); the sender must resend it. */
    TCP_OUT_OF_ORDER("tcp-out-of-order", true),
    /** A segment beyond {@code RCV.NXT} held until the gap before it is filled. */
    TCP_OUT_OF_ORDER_KEPT("tcp-out-of-order-kept"),
    TCP_CHALLENGE_ACKS("tcp-challenge-acks"),
    TCP_LISTEN_OVERFLOW("tcp-listen-overflow", true),
    TCP_NO_MEMORY("tcp-no-memory", true);

    private final String label;
    private final boolean drop;

    Counter(String label) {
        this(label, false);
    }

    Counter(String label, boolean drop) {
        this.label = label;
        this.drop = drop;
    }

    /** The name in {@code /proc/net}. */
    String label() {
        return label;
    }

    /** Whether it counts frames or segments thrown away. */
    boolean isDrop() {
        return drop;
    }
}
