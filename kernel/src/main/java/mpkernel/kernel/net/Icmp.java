package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/**
 * ICMP (RFC 792), the two messages a host must speak: it answers echo requests (ping) and
 * says "port unreachable" for a UDP datagram no socket takes. Everything else is dropped and
 * counted.
 */
final class Icmp {

    private static final int ECHO_REPLY = 0;
    private static final int UNREACHABLE = 3;
    private static final int PORT_UNREACHABLE = 3;
    private static final int ECHO_REQUEST = 8;
    private static final int HEADER = 8;

    private final Ipv4 ip;
    private final Counters counters;
    private final MemorySegment out;

    /** ICMP over {@code ip}, building its messages in {@code out}. */
    Icmp(Ipv4 ip, Counters counters, MemorySegment out) {
        this.ip = ip;
        this.counters = counters;
        this.out = out;
    }

    void input(Packet p, long now) {
        if (p.length < HEADER) {
            counters.count(Counter.DROP_TRUNCATED);
            return;
        }
        if (!Checksum.verifies(Checksum.add(0, p.frame, p.offset, p.length))) {
            counters.count(Counter.DROP_CHECKSUM);
            return;
        }
        if (NetOrder.u8(p.frame, p.offset) != ECHO_REQUEST || NetOrder.u8(p.frame, p.offset + 1) != 0
                || p.destination != ip.address()) {
            counters.count(Counter.DROP_PROTOCOL);
            return;
        }
        int at = Ipv4.PAYLOAD;
        MemorySegment.copy(p.frame, p.offset, out, at, p.length);
        NetOrder.put8(out, at, ECHO_REPLY);
        NetOrder.put16(out, at + 2, 0);
        NetOrder.put16(out, at + 2, Checksum.finish(Checksum.add(0, out, at, p.length)));
        if (ip.send(out, p.source, Ipv4.PROTOCOL_ICMP, p.length, now)) {
            counters.count(Counter.ICMP_ECHO_REPLIES);
        }
    }

    /** Answers the UDP datagram {@code p} with "port unreachable" (quoting its IP header and 8 bytes, as RFC 792 asks). */
    void portUnreachable(Packet p, long now) {
        if (p.destination != ip.address()) {
            return; // never for a broadcast
        }
        int quoted = p.offset - Ethernet.HEADER + Math.min(8, p.length);
        int at = Ipv4.PAYLOAD;
        NetOrder.put8(out, at, UNREACHABLE);
        NetOrder.put8(out, at + 1, PORT_UNREACHABLE);
        NetOrder.put16(out, at + 2, 0);
        NetOrder.put32(out, at + 4, 0);
        MemorySegment.copy(p.frame, Ethernet.HEADER, out, at + HEADER, quoted);
        NetOrder.put16(out, at + 2, Checksum.finish(Checksum.add(0, out, at, HEADER + quoted)));
        if (ip.send(out, p.source, Ipv4.PROTOCOL_ICMP, HEADER + quoted, now)) {
            counters.count(Counter.ICMP_UNREACHABLE_OUT);
        }
    }
}
