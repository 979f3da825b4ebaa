package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.SockAddr;

/**
 * UDP (RFC 768): delivers each datagram to the socket bound to its port (a connected socket
 * of its source first) by queueing it, with its source, in that socket's receive ring; answers
 * a datagram for no socket with ICMP port unreachable. A datagram that does not fit in the
 * ring is dropped and counted.
 */
final class Udp {

    static final int HEADER = 8;
    /** The largest datagram payload: one unfragmented packet. */
    static final int MAX_PAYLOAD = Ipv4.MAX_PAYLOAD - HEADER;
    /** Each queued datagram's prefix in the ring: length u16, source port u16, source address u32. */
    private static final int RECORD = 8;

    private final Ipv4 ip;
    private final Icmp icmp;
    private final SocketTable table;
    private final Counters counters;
    private final MemorySegment out;
    private final MemorySegment record;

    Udp(Ipv4 ip, Icmp icmp, SocketTable table, Counters counters, MemorySegment out, MemorySegment record) {
        this.ip = ip;
        this.icmp = icmp;
        this.table = table;
        this.counters = counters;
        this.out = out;
        this.record = record;
    }

    void input(Packet p, long now) {
        if (p.length < HEADER) {
            counters.count(Counter.DROP_TRUNCATED);
            return;
        }
        int length = NetOrder.u16(p.frame, p.offset + 4);
        if (length < HEADER || length > p.length) {
            counters.count(Counter.DROP_BAD_HEADER);
            return;
        }
        if (NetOrder.u16(p.frame, p.offset + 6) != 0 && !Checksum.verifies(Checksum.add(
                Checksum.pseudoHeader(p.source, p.destination, Ipv4.PROTOCOL_UDP, length), p.frame, p.offset, length))) {
            counters.count(Counter.DROP_CHECKSUM);
            return;
        }
        counters.count(Counter.UDP_IN);
        int sourcePort = NetOrder.u16(p.frame, p.offset);
        Sock s = table.datagramSocket(p.destination, NetOrder.u16(p.frame, p.offset + 2), p.source, sourcePort);
        if (s == null) {
            counters.count(Counter.UDP_NO_PORT);
            icmp.portUnreachable(p, now);
            return;
        }
        int n = length - HEADER;
        if (s.has(Sock.SHUT_RD) || s.rx.free() < RECORD + n) {
            counters.count(Counter.UDP_QUEUE_FULL);
            return;
        }
        NetOrder.put16(record, 0, n);
        NetOrder.put16(record, 2, sourcePort);
        NetOrder.put32(record, 4, p.source);
        s.rx.append(record, 0, RECORD);
        s.rx.append(p.frame, p.offset + HEADER, n);
    }

    /** Sends {@code data} (at most {@link #MAX_PAYLOAD} bytes) as one datagram from {@code s} to {@code to}; false if the link was busy. */
    boolean send(Sock s, MemorySegment data, SockAddr to, long now) {
        int n = (int) data.byteSize();
        int at = Ipv4.PAYLOAD;
        NetOrder.put16(out, at, s.get(Sock.LOCAL_PORT));
        NetOrder.put16(out, at + 2, to.port());
        NetOrder.put16(out, at + 4, HEADER + n);
        NetOrder.put16(out, at + 6, 0);
        MemorySegment.copy(data, 0, out, at + HEADER, n);
        int sum = Checksum.finish(Checksum.add(Checksum.pseudoHeader(ip.address(), to.address(), Ipv4.PROTOCOL_UDP, HEADER + n),
                out, at, HEADER + n));
        NetOrder.put16(out, at + 6, sum == 0 ? 0xffff : sum); // 0 would mean "no checksum"
        boolean sent = ip.send(out, to.address(), Ipv4.PROTOCOL_UDP, HEADER + n, now);
        if (sent) {
            counters.count(Counter.UDP_OUT);
        }
        return sent;
    }

    /** Whether a datagram is queued on {@code s}. */
    static boolean readable(Sock s) {
        return s.rx.length() > 0;
    }

    /**
     * Takes the oldest datagram queued on {@code s} into {@code dst} (cut to its size); returns
     * what was stored and who sent it. The caller checked that one is queued.
     */
    Datagram receive(Sock s, MemorySegment dst) {
        s.rx.copyOut(0, record, 0, RECORD);
        int n = NetOrder.u16(record, 0);
        SockAddr source = new SockAddr(NetOrder.u32(record, 4), NetOrder.u16(record, 2));
        int stored = (int) Math.min(n, dst.byteSize());
        s.rx.copyOut(RECORD, dst, 0, stored);
        s.rx.consume(RECORD + n);
        return new Datagram(stored, source);
    }
}
