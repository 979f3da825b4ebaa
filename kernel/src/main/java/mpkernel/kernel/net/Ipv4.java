package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * IPv4 (RFC 791): checks every arriving packet before a protocol sees it, and frames and
 * routes every leaving one. No fragments (a fragment is dropped and counted) and no options
 * sent (received ones are skipped). A packet leaves with TTL 64 and, for TCP, don't-fragment.
 */
final class Ipv4 {

    static final int HEADER = 20;
    static final int PROTOCOL_ICMP = 1;
    static final int PROTOCOL_TCP = 6;
    static final int PROTOCOL_UDP = 17;
    /** Where, in an outgoing frame, the stack writes a packet's payload before {@link #send}. */
    static final int PAYLOAD = Ethernet.HEADER + HEADER;
    /** The largest payload of one packet. */
    static final int MAX_PAYLOAD = Interface.MTU - HEADER;
    private static final int TTL = 64;
    private static final int DONT_FRAGMENT = 0x4000;

    private final Interface iface;
    private final Arp arp;
    private final Counters counters;
    /** The identification of the next packet. */
    private final MemorySegment nextId;

    Ipv4(StaticArea tables, Interface iface, Arp arp, Counters counters) {
        this.iface = iface;
        this.arp = arp;
        this.counters = counters;
        this.nextId = tables.carve(4);
    }

    /**
     * Checks the packet of the {@code len}-byte {@code frame} and describes it in {@code p};
     * false if it is dropped (and counted): truncated, not IPv4, a bogus length, a bad header
     * checksum, a fragment, or not addressed to this interface.
     */
    boolean input(MemorySegment frame, int len, Packet p) {
        int at = Ethernet.HEADER;
        if (len < at + HEADER) {
            counters.count(Counter.DROP_TRUNCATED);
            return false;
        }
        int versionAndLength = NetOrder.u8(frame, at);
        int headerBytes = (versionAndLength & 0xf) * 4;
        int total = NetOrder.u16(frame, at + 2);
        if (versionAndLength >>> 4 != 4 || headerBytes < HEADER || total < headerBytes || at + total > len) {
            counters.count(Counter.DROP_BAD_HEADER);
            return false;
        }
        if (!Checksum.verifies(Checksum.add(0, frame, at, headerBytes))) {
            counters.count(Counter.DROP_CHECKSUM);
            return false;
        }
        if ((NetOrder.u16(frame, at + 6) & 0x3fff) != 0) { // more-fragments, or an offset
            counters.count(Counter.DROP_FRAGMENT);
            return false;
        }
        int destination = NetOrder.u32(frame, at + 16);
        if (!iface.accepts(destination)) {
            counters.count(Counter.DROP_NOT_OURS);
            return false;
        }
        p.frame = frame;
        p.source = NetOrder.u32(frame, at + 12);
        p.destination = destination;
        p.protocol = NetOrder.u8(frame, at + 9);
        p.offset = at + headerBytes;
        p.length = total - headerBytes;
        return true;
    }

    /**
     * Sends the packet whose {@code payloadLength} bytes the caller wrote at {@link #PAYLOAD}
     * of {@code frame}: fills the IPv4 and Ethernet headers and hands it to ARP for the next
     * hop. False if the link was busy.
     */
    boolean send(MemorySegment frame, int destination, int protocol, int payloadLength, long now) {
        int at = Ethernet.HEADER;
        NetOrder.put8(frame, at, 0x45);
        NetOrder.put8(frame, at + 1, 0);
        NetOrder.put16(frame, at + 2, HEADER + payloadLength);
        int id = nextId.get(JAVA_INT, 0);
        nextId.set(JAVA_INT, 0, id + 1);
        NetOrder.put16(frame, at + 4, id);
        NetOrder.put16(frame, at + 6, protocol == PROTOCOL_TCP ? DONT_FRAGMENT : 0);
        NetOrder.put8(frame, at + 8, TTL);
        NetOrder.put8(frame, at + 9, protocol);
        NetOrder.put16(frame, at + 10, 0);
        NetOrder.put32(frame, at + 12, iface.address());
        NetOrder.put32(frame, at + 16, destination);
        NetOrder.put16(frame, at + 10, Checksum.finish(Checksum.add(0, frame, at, HEADER)));
        NetOrder.putMac(frame, Ethernet.SOURCE, iface.mac());
        NetOrder.put16(frame, Ethernet.TYPE, Ethernet.TYPE_IPV4);
        int nextHop = iface.onLink(destination) ? destination : iface.gateway();
        return arp.send(frame, PAYLOAD + payloadLength, nextHop, now);
    }

    /** This interface's address: the source of every packet sent. */
    int address() {
        return iface.address();
    }
}
