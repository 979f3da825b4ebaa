package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * ARP for IPv4 over Ethernet (RFC 826): answers requests for the interface's address, learns
 * the senders that ask for it or answer it, and resolves next hops. Frames for an address not
 * yet resolved wait in that address's entry (the newest {@value #WAITING}) until the answer;
 * a request goes out at most every {@value #RETRY_MILLIS} ms. Entries do not age: the peers here
 * never change their Ethernet address. {@value #ENTRIES} entries, the least recently used
 * replaced first.
 */
final class Arp {

    static final int ENTRIES = 16;
    static final int RETRY_MILLIS = 200;
    static final int WAITING = 4;
    private static final int PACKET = 28;
    private static final int REQUEST = 1;
    private static final int REPLY = 2;
    // entry fields
    private static final long E_ADDRESS = 0;
    private static final long E_RESOLVED = 4;
    private static final long E_MAC = 8;
    private static final long E_USED = 16;
    private static final long E_REQUESTED = 24;
    /** How many frames wait (the oldest first, at {@link #E_FRAMES}). */
    private static final long E_WAITING = 32;
    /** Each waiting frame's length, {@link #WAITING} ints. */
    private static final long E_LENGTHS = 36;
    private static final long E_FRAMES = 64;
    private static final long ENTRY = E_FRAMES + (long) WAITING * Ethernet.BUFFER;

    private final Interface iface;
    private final Wire wire;
    private final Counters counters;
    private final MemorySegment entries;
    private final MemorySegment scratch;

    Arp(StaticArea tables, Interface iface, Wire wire, Counters counters) {
        this.iface = iface;
        this.wire = wire;
        this.counters = counters;
        this.entries = tables.carve(ENTRY * ENTRIES);
        this.scratch = tables.carve(Ethernet.HEADER + PACKET);
    }

    /** Handles the ARP packet of the {@code len}-byte {@code frame}. */
    void input(MemorySegment frame, int len, long now) {
        if (len < Ethernet.HEADER + PACKET) {
            counters.count(Counter.DROP_TRUNCATED);
            return;
        }
        int p = Ethernet.HEADER;
        if (NetOrder.u16(frame, p) != 1 || NetOrder.u16(frame, p + 2) != Ethernet.TYPE_IPV4
                || NetOrder.u8(frame, p + 4) != 6 || NetOrder.u8(frame, p + 5) != 4) {
            counters.count(Counter.DROP_BAD_HEADER);
            return;
        }
        counters.count(Counter.ARP_IN);
        int op = NetOrder.u16(frame, p + 6);
        long senderMac = NetOrder.mac(frame, p + 8);
        int sender = NetOrder.u32(frame, p + 14);
        int target = NetOrder.u32(frame, p + 24);
        boolean valid = sender != 0 && sender != iface.address() && (senderMac >>> 40 & 1) == 0;
        int e = valid ? find(sender) : -1;
        if (e >= 0) {
            resolve(e, senderMac, now);
        }
        if (target == iface.address()) {
            if (e < 0 && valid) {
                e = replaceable();
                entries.asSlice(e * ENTRY, E_FRAMES).fill((byte) 0);
                entries.set(JAVA_INT, e * ENTRY + E_ADDRESS, sender);
                resolve(e, senderMac, now);
            }
            if (op == REQUEST) {
                packet(REPLY, senderMac, sender);
                if (wire.send(scratch, Ethernet.HEADER + PACKET)) {
                    counters.count(Counter.ARP_REPLIES_OUT);
                }
            }
        }
    }

    /**
     * Sends the {@code len}-byte {@code frame}, whose Ethernet destination is still to fill, to
     * {@code nextHop}: now if its address is known, else once it is. Returns false only if the
     * link was busy.
     */
    boolean send(MemorySegment frame, int len, int nextHop, long now) {
        if (nextHop == -1 || nextHop == (iface.address() | ~iface.netmask())) {
            NetOrder.putMac(frame, Ethernet.DESTINATION, Ethernet.BROADCAST);
            return wire.send(frame, len);
        }
        int e = find(nextHop);
        if (e >= 0 && entries.get(JAVA_INT, e * ENTRY + E_RESOLVED) != 0) {
            entries.set(JAVA_LONG, e * ENTRY + E_USED, now);
            NetOrder.putMac(frame, Ethernet.DESTINATION, entries.get(JAVA_LONG, e * ENTRY + E_MAC));
            return wire.send(frame, len);
        }
        if (e < 0) {
            e = replaceable();
            entries.asSlice(e * ENTRY, E_FRAMES).fill((byte) 0);
            entries.set(JAVA_INT, e * ENTRY + E_ADDRESS, nextHop);
            entries.set(JAVA_LONG, e * ENTRY + E_USED, now);
        }
        hold(e, frame, len);
        long requested = entries.get(JAVA_LONG, e * ENTRY + E_REQUESTED);
        if (requested == 0 || now - requested >= RETRY_MILLIS * 1_000_000L) {
            packet(REQUEST, 0, nextHop);
            NetOrder.putMac(scratch, Ethernet.DESTINATION, Ethernet.BROADCAST);
            if (wire.send(scratch, Ethernet.HEADER + PACKET)) {
                entries.set(JAVA_LONG, e * ENTRY + E_REQUESTED, now);
                counters.count(Counter.ARP_REQUESTS_OUT);
            }
        }
        return true;
    }

    /** Keeps the frame in entry {@code e} until its address resolves; the oldest waiting frame makes room if all places are taken. */
    private void hold(int e, MemorySegment frame, int len) {
        long base = e * ENTRY;
        int waiting = entries.get(JAVA_INT, base + E_WAITING);
        if (waiting == WAITING) {
            for (int i = 1; i < WAITING; i++) {
                MemorySegment.copy(entries, base + E_FRAMES + (long) i * Ethernet.BUFFER, entries,
                        base + E_FRAMES + (long) (i - 1) * Ethernet.BUFFER, Ethernet.BUFFER);
                entries.set(JAVA_INT, base + E_LENGTHS + 4L * (i - 1), entries.get(JAVA_INT, base + E_LENGTHS + 4L * i));
            }
            waiting--;
        }
        MemorySegment.copy(frame, 0, entries, base + E_FRAMES + (long) waiting * Ethernet.BUFFER, len);
        entries.set(JAVA_INT, base + E_LENGTHS + 4L * waiting, len);
        entries.set(JAVA_INT, base + E_WAITING, waiting + 1);
    }

    /** Marks entry {@code e} resolved to {@code mac} and sends the frames waiting for it. */
    private void resolve(int e, long mac, long now) {
        long base = e * ENTRY;
        entries.set(JAVA_LONG, base + E_MAC, mac);
        entries.set(JAVA_INT, base + E_RESOLVED, 1);
        entries.set(JAVA_LONG, base + E_USED, now);
        int waiting = entries.get(JAVA_INT, base + E_WAITING);
        entries.set(JAVA_INT, base + E_WAITING, 0);
        for (int i = 0; i < waiting; i++) {
            MemorySegment frame = entries.asSlice(base + E_FRAMES + (long) i * Ethernet.BUFFER, Ethernet.BUFFER);
            NetOrder.putMac(frame, Ethernet.DESTINATION, mac);
            wire.send(frame, entries.get(JAVA_INT, base + E_LENGTHS + 4L * i));
        }
    }

    /** Builds in {@link #scratch} an ARP {@code op} from this interface to {@code targetMac}/{@code target}. */
    private void packet(int op, long targetMac, int target) {
        NetOrder.putMac(scratch, Ethernet.DESTINATION, targetMac);
        NetOrder.putMac(scratch, Ethernet.SOURCE, iface.mac());
        NetOrder.put16(scratch, Ethernet.TYPE, Ethernet.TYPE_ARP);
        int p = Ethernet.HEADER;
        NetOrder.put16(scratch, p, 1);
        NetOrder.put16(scratch, p + 2, Ethernet.TYPE_IPV4);
        NetOrder.put8(scratch, p + 4, 6);
        NetOrder.put8(scratch, p + 5, 4);
        NetOrder.put16(scratch, p + 6, op);
        NetOrder.putMac(scratch, p + 8, iface.mac());
        NetOrder.put32(scratch, p + 14, iface.address());
        NetOrder.putMac(scratch, p + 18, targetMac);
        NetOrder.put32(scratch, p + 24, target);
    }

    private int find(int address) {
        for (int e = 0; e < ENTRIES; e++) {
            long used = entries.get(JAVA_LONG, e * ENTRY + E_USED);
            if (used != 0 && entries.get(JAVA_INT, e * ENTRY + E_ADDRESS) == address) {
                return e;
            }
        }
        return -1;
    }

    /** An unused entry, else the least recently used one. */
    private int replaceable() {
        int oldest = 0;
        for (int e = 0; e < ENTRIES; e++) {
            long used = entries.get(JAVA_LONG, e * ENTRY + E_USED);
            if (used == 0) {
                return e;
            }
            if (used - entries.get(JAVA_LONG, oldest * ENTRY + E_USED) < 0) {
                oldest = e;
            }
        }
        return oldest;
    }

    /** One line per resolved entry, for {@code /proc/net}. */
    void describe(StringBuilder out) {
        for (int e = 0; e < ENTRIES; e++) {
            if (entries.get(JAVA_LONG, e * ENTRY + E_USED) != 0 && entries.get(JAVA_INT, e * ENTRY + E_RESOLVED) != 0) {
                out.append(String.format("arp %s %012x%n", mpkernel.kernel.api.SockAddr.format(entries.get(JAVA_INT, e * ENTRY + E_ADDRESS)),
                        entries.get(JAVA_LONG, e * ENTRY + E_MAC)));
            }
        }
    }
}
