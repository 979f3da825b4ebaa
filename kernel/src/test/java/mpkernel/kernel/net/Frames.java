package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/**
 * Frames for the guest, for fuzzing: well-formed ones of every protocol the stack speaks
 * (ARP, ICMP echo, UDP, TCP with any flags, sequence numbers, windows and options), random
 * bytes, and well-formed frames damaged in the ways a wire or an attacker damages them
 * (flipped bits, truncation, bogus length fields), half of them with their checksums made
 * right again so that the damage reaches past the checksum tests. Their ARP never claims the
 * host's address: a well-formed ARP that moves the host elsewhere is a redirect the stack must
 * obey, not damage, and it would cut the test's own connection.
 */
public final class Frames {

    private static final int[] TCP_FLAGS = {Segment.SYN, Segment.ACK, Segment.SYN | Segment.ACK, Segment.RST,
        Segment.RST | Segment.ACK, Segment.FIN | Segment.ACK, Segment.PSH | Segment.ACK, Segment.SYN | Segment.FIN, 0xff, 0};

    private Frames() {
    }

    /** A well-formed frame for the guest: ARP, ICMP echo, UDP or TCP, to port 7 (where a service listens) or any. */
    public static byte[] valid(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> arp(r);
            case 1 -> ip(r, Ipv4.PROTOCOL_ICMP, icmpEcho(r));
            case 2 -> ip(r, Ipv4.PROTOCOL_UDP, udp(r));
            default -> ip(r, Ipv4.PROTOCOL_TCP, tcp(r));
        };
    }

    /**
     * A well-formed TCP segment from the host's {@code sourcePort} to the guest's
     * {@code destinationPort} (a live connection's), with any flags and, almost surely, sequence
     * and acknowledgement numbers outside its windows.
     */
    public static byte[] segment(SplittableRandom r, int sourcePort, int destinationPort) {
        byte[] m = tcp(r);
        MemorySegment s = MemorySegment.ofArray(m);
        NetOrder.put16(s, 0, sourcePort);
        NetOrder.put16(s, 2, destinationPort);
        byte[] f = ip(r, Ipv4.PROTOCOL_TCP, m);
        MemorySegment frame = MemorySegment.ofArray(f);
        NetOrder.put32(frame, Ethernet.HEADER + 12, NetConfig.HOST.address());
        fixChecksums(f);
        return f;
    }

    /** Random bytes; half of them start as Ethernet for the guest, so they reach the protocols. */
    public static byte[] random(SplittableRandom r) {
        byte[] f = new byte[r.nextInt(1600)];
        r.nextBytes(f);
        if (f.length >= Ethernet.HEADER && r.nextBoolean()) {
            MemorySegment s = MemorySegment.ofArray(f);
            NetOrder.putMac(s, Ethernet.DESTINATION, NetConfig.GUEST.mac());
            NetOrder.put16(s, Ethernet.TYPE, r.nextBoolean() ? Ethernet.TYPE_IPV4 : Ethernet.TYPE_ARP);
        }
        return f;
    }

    /** {@code valid} damaged: flipped bits, cut short, or a length field that lies; checksums fixed half the time. */
    public static byte[] mutate(byte[] valid, SplittableRandom r) {
        byte[] f = valid.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int i = 1 + r.nextInt(8); i > 0; i--) {
                    int at = r.nextInt(f.length);
                    f[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> f = java.util.Arrays.copyOf(f, r.nextInt(f.length));
            case 2 -> lie(f, Ethernet.HEADER + 2, r); // the IPv4 total length
            case 3 -> {
                if (f.length > Ethernet.HEADER) {
                    f[Ethernet.HEADER] = (byte) r.nextInt(256); // version and header length
                }
            }
            default -> lie(f, Ipv4.PAYLOAD + (r.nextBoolean() ? 4 : 12), r); // a UDP length, or a TCP data offset and sequence
        }
        if (r.nextBoolean()) {
            fixChecksums(f);
        }
        return f;
    }

    private static void lie(byte[] f, int at, SplittableRandom r) {
        if (at + 1 < f.length) {
            f[at] = (byte) r.nextInt(256);
            f[at + 1] = (byte) r.nextInt(256);
        }
    }

    /** Recomputes the IPv4 header checksum and the ICMP, UDP or TCP one, wherever the (possibly damaged) lengths allow. */
    static void fixChecksums(byte[] f) {
        MemorySegment s = MemorySegment.ofArray(f);
        if (f.length < Ipv4.PAYLOAD || NetOrder.u16(s, Ethernet.TYPE) != Ethernet.TYPE_IPV4) {
            return;
        }
        int header = (NetOrder.u8(s, Ethernet.HEADER) & 0xf) * 4;
        if (header < Ipv4.HEADER || Ethernet.HEADER + header > f.length) {
            return;
        }
        NetOrder.put16(s, Ethernet.HEADER + 10, 0);
        NetOrder.put16(s, Ethernet.HEADER + 10, Checksum.finish(Checksum.add(0, s, Ethernet.HEADER, header)));
        int at = Ethernet.HEADER + header;
        int length = Math.min(NetOrder.u16(s, Ethernet.HEADER + 2) - header, f.length - at);
        int protocol = NetOrder.u8(s, Ethernet.HEADER + 9);
        int field = protocol == Ipv4.PROTOCOL_ICMP ? 2 : protocol == Ipv4.PROTOCOL_UDP ? 6 : protocol == Ipv4.PROTOCOL_TCP ? 16 : -1;
        if (length < field + 2 || field < 0) {
            return;
        }
        NetOrder.put16(s, at + field, 0);
        long sum = protocol == Ipv4.PROTOCOL_ICMP ? 0 : Checksum.pseudoHeader(NetOrder.u32(s, Ethernet.HEADER + 12),
                NetOrder.u32(s, Ethernet.HEADER + 16), protocol, length);
        NetOrder.put16(s, at + field, Checksum.finish(Checksum.add(sum, s, at, length)));
    }

    private static byte[] arp(SplittableRandom r) {
        byte[] f = new byte[Ethernet.HEADER + 28];
        MemorySegment s = MemorySegment.ofArray(f);
        ethernet(s, r.nextBoolean() ? Ethernet.BROADCAST : NetConfig.GUEST.mac(), Ethernet.TYPE_ARP);
        int p = Ethernet.HEADER;
        NetOrder.put16(s, p, 1);
        NetOrder.put16(s, p + 2, Ethernet.TYPE_IPV4);
        NetOrder.put8(s, p + 4, 6);
        NetOrder.put8(s, p + 5, 4);
        NetOrder.put16(s, p + 6, 1 + r.nextInt(2));
        NetOrder.putMac(s, p + 8, r.nextLong() & 0xfeff_ffff_ffffL);
        NetOrder.put32(s, p + 14, (NetConfig.GUEST.address() & 0xffffff00) | (3 + r.nextInt(250)));
        NetOrder.put32(s, p + 24, r.nextBoolean() ? NetConfig.GUEST.address() : r.nextInt());
        return f;
    }

    private static byte[] icmpEcho(SplittableRandom r) {
        byte[] m = new byte[8 + r.nextInt(1000)];
        r.nextBytes(m);
        MemorySegment s = MemorySegment.ofArray(m);
        NetOrder.put8(s, 0, r.nextInt(4) == 0 ? r.nextInt(256) : 8);
        NetOrder.put8(s, 1, 0);
        NetOrder.put16(s, 2, 0);
        NetOrder.put16(s, 2, Checksum.finish(Checksum.add(0, s, 0, m.length)));
        return m;
    }

    private static byte[] udp(SplittableRandom r) {
        byte[] m = new byte[Udp.HEADER + r.nextInt(1400)];
        r.nextBytes(m);
        MemorySegment s = MemorySegment.ofArray(m);
        NetOrder.put16(s, 2, r.nextBoolean() ? 7 : r.nextInt(65536));
        NetOrder.put16(s, 4, m.length);
        return m; // the checksum is made by ip(), which knows the addresses
    }

    private static byte[] tcp(SplittableRandom r) {
        boolean mss = r.nextBoolean();
        int header = Segment.HEADER + (mss ? Segment.OPTIONS_MSS : 4 * r.nextInt(3));
        byte[] m = new byte[header + (r.nextBoolean() ? 0 : r.nextInt(1400))];
        r.nextBytes(m);
        MemorySegment s = MemorySegment.ofArray(m);
        NetOrder.put16(s, 0, 1024 + r.nextInt(64512));
        NetOrder.put16(s, 2, r.nextBoolean() ? 7 : r.nextInt(65536));
        NetOrder.put8(s, 12, header / 4 << 4);
        NetOrder.put8(s, 13, TCP_FLAGS[r.nextInt(TCP_FLAGS.length)]);
        if (mss) {
            NetOrder.put8(s, Segment.HEADER, 2);
            NetOrder.put8(s, Segment.HEADER + 1, 4);
            NetOrder.put16(s, Segment.HEADER + 2, r.nextInt(4) == 0 ? r.nextInt(3) : r.nextInt(65536));
        }
        return m;
    }

    /** Wraps {@code payload} in IPv4 and Ethernet for the guest, with every checksum right. */
    private static byte[] ip(SplittableRandom r, int protocol, byte[] payload) {
        byte[] f = new byte[Ipv4.PAYLOAD + payload.length];
        MemorySegment s = MemorySegment.ofArray(f);
        ethernet(s, NetConfig.GUEST.mac(), Ethernet.TYPE_IPV4);
        int p = Ethernet.HEADER;
        NetOrder.put8(s, p, 0x45);
        NetOrder.put16(s, p + 2, Ipv4.HEADER + payload.length);
        NetOrder.put16(s, p + 4, r.nextInt(65536));
        NetOrder.put8(s, p + 8, 64);
        NetOrder.put8(s, p + 9, protocol);
        NetOrder.put32(s, p + 12, source(r));
        NetOrder.put32(s, p + 16, NetConfig.GUEST.address());
        MemorySegment.copy(MemorySegment.ofArray(payload), 0, s, Ipv4.PAYLOAD, payload.length);
        fixChecksums(f);
        return f;
    }

    private static void ethernet(MemorySegment s, long destination, int type) {
        NetOrder.putMac(s, Ethernet.DESTINATION, destination);
        NetOrder.putMac(s, Ethernet.SOURCE, NetConfig.HOST.mac());
        NetOrder.put16(s, Ethernet.TYPE, type);
    }

    /** The host mostly, else a neighbour on the subnet, else anyone. */
    private static int source(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> NetConfig.HOST.address();
            case 2 -> (NetConfig.GUEST.address() & 0xffffff00) | (3 + r.nextInt(250));
            default -> r.nextInt();
        };
    }
}
