package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

/**
 * Everything TCP sends: a connection's segments (data and FIN within the windows, SYN and
 * SYN-ACK with the MSS option, pure ACKs, zero-window probes, retransmissions) and resets
 * that belong to no connection. Each segment is built in the stack's outgoing frame and
 * handed to {@link Ipv4}.
 */
final class TcpSender {

    /** The largest segment this end takes: a 1500-byte MTU less the IPv4 and TCP headers. */
    static final int MSS = Interface.MTU - Ipv4.HEADER - Segment.HEADER;
    /** The MSS assumed when the peer names none (RFC 9293, section 3.7.1). */
    static final int DEFAULT_MSS = 536;
    private static final int MAX_WINDOW = 0xffff;

    private final Ipv4 ip;
    private final Counters counters;
    private final MemorySegment out;

    TcpSender(Ipv4 ip, Counters counters, MemorySegment out) {
        this.ip = ip;
        this.counters = counters;
        this.out = out;
    }

    /**
     * The receive window {@code s} advertises: the free room of its receive ring (all of it
     * once reading is shut down); while it holds data beyond a gap, no more than the window it
     * last advertised, so that its duplicate ACKs stay duplicates however much the reader takes
     * meanwhile ({@link Reassembly}).
     */
    static int window(Sock s) {
        if (s.rx.address() == 0) {
            return 0;
        }
        int room = Math.min(MAX_WINDOW, s.has(Sock.SHUT_RD) ? s.rx.size() : s.rx.free());
        return Reassembly.holding(s) ? Math.min(room, s.get(Sock.RCV_WND)) : room;
    }

    /**
     * Sends one segment of {@code s}: sequence number {@code seq}, {@code flags}, and the
     * {@code n} bytes of its send ring that start {@code from} bytes after {@code SND.UNA}; a
     * SYN carries the MSS option. False if the link was busy (nothing was sent).
     */
    boolean send(Sock s, int seq, int flags, int from, int n, long now) {
        int at = Ipv4.PAYLOAD;
        boolean syn = (flags & Segment.SYN) != 0;
        int header = Segment.HEADER + (syn ? Segment.OPTIONS_MSS : 0);
        int window = window(s);
        header(s.get(Sock.LOCAL_PORT), s.get(Sock.REMOTE_PORT), seq, (flags & Segment.ACK) != 0 ? s.get(Sock.RCV_NXT) : 0,
                flags, window, header);
        if (syn) {
            NetOrder.put8(out, at + Segment.HEADER, 2);
            NetOrder.put8(out, at + Segment.HEADER + 1, 4);
            NetOrder.put16(out, at + Segment.HEADER + 2, MSS);
        }
        if (n > 0) {
            s.tx.copyOut(from, out, at + header, n);
        }
        if (!finish(s.get(Sock.REMOTE_ADDRESS), header + n, now)) {
            return false;
        }
        if ((flags & Segment.ACK) != 0) {
            s.lower(Sock.ACK_NOW);
            s.set(Sock.RCV_WND, window);
        }
        return true;
    }

    /** A pure acknowledgement (also a window update), at the highest sequence number sent, which the peer expects. */
    void ack(Sock s, long now) {
        send(s, s.get(Sock.SND_MAX), Segment.ACK, 0, 0, now);
    }

    /** The SYN of an active open, or the SYN-ACK of a passive one. */
    void syn(Sock s, long now) {
        int flags = Segment.SYN | (s.state() == TcpState.SYN_RECEIVED ? Segment.ACK : 0);
        send(s, s.get(Sock.ISS), flags, 0, 0, now);
    }

    /** A reset of {@code s} (it is being aborted), at the highest sequence number sent. */
    void abort(Sock s, long now) {
        reset(s.get(Sock.LOCAL_ADDRESS), s.get(Sock.LOCAL_PORT), s.get(Sock.REMOTE_ADDRESS), s.get(Sock.REMOTE_PORT),
                s.get(Sock.SND_MAX), 0, Segment.RST, now);
    }

    /** A reset that belongs to no connection: {@code flags} is RST, or RST|ACK with {@code ack}. */
    void reset(int localAddress, int localPort, int remoteAddress, int remotePort, int seq, int ack, int flags, long now) {
        header(localPort, remotePort, seq, ack, flags, 0, Segment.HEADER);
        if (finish(remoteAddress, Segment.HEADER, now)) {
            counters.count(Counter.TCP_RESETS_OUT);
        }
    }

    /**
     * Sends what {@code s} may send now: queued data within the smaller of the peer's and the
     * congestion window, in segments of at most the peer's MSS, the FIN after the last byte;
     * then, if an acknowledgement is still owed, a pure ACK. Starts the retransmission timer
     * for what it sends, or for a zero-window probe when the peer's window is shut.
     */
    void push(Sock s, long now) {
        pushDataOnly(s, now);
        if (s.has(Sock.ACK_NOW) && TcpState.synchronizedState(s.state())) {
            ack(s, now);
        }
    }

    /** What {@link #push} sends but the pure ACK: an acknowledgement still owed afterwards stays owed. */
    void pushDataOnly(Sock s, long now) {
        int state = s.state();
        if (state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT || state == TcpState.FIN_WAIT_1
                || state == TcpState.CLOSING || state == TcpState.LAST_ACK) {
            pushData(s, now);
        }
    }

    private void pushData(Sock s, long now) {
        int mss = s.get(Sock.MSS);
        while (true) {
            int next = s.get(Sock.SND_NXT);
            int sent = next - s.get(Sock.SND_UNA);
            int queued = s.tx.length();
            boolean fin = s.has(Sock.FIN_QUEUED);
            if (fin && sent > queued) {
                return; // everything, FIN included, is out
            }
            int unsent = queued - sent;
            int usable = Congestion.window(s) - sent;
            if (unsent > 0 && usable > 0) {
                int n = Math.min(unsent, Math.min(usable, mss));
                boolean last = n == unsent;
                int flags = Segment.ACK | (last ? Segment.PSH : 0) | (last && fin ? Segment.FIN : 0);
                if (!send(s, next, flags, sent, n, now)) {
                    return;
                }
                int end = next + n + (last && fin ? 1 : 0);
                advance(s, end);
                Rto.time(s, end, now);
                Rto.armIfIdle(s, now);
            } else if (unsent == 0 && fin) {
                if (send(s, next, Segment.ACK | Segment.FIN, sent, 0, now)) {
                    advance(s, next + 1);
                    Rto.armIfIdle(s, now);
                }
                return;
            } else {
                if (unsent > 0 && sent == 0) {
                    Rto.armIfIdle(s, now); // the peer's window is shut: probe it when the timer expires
                }
                return;
            }
        }
    }

    /**
     * Probes a shut window: one byte beyond it (or the FIN, if no data is left), which the
     * peer acknowledges with its current window; counted as in flight.
     */
    void probe(Sock s, long now) {
        int una = s.get(Sock.SND_UNA);
        if (s.tx.length() > 0) {
            if (send(s, una, Segment.ACK, 0, 1, now)) {
                advance(s, una + 1);
            }
        } else if (s.has(Sock.FIN_QUEUED) && send(s, una, Segment.ACK | Segment.FIN, 0, 0, now)) {
            advance(s, una + 1);
        }
    }

    /** Moves {@code SND.NXT} to {@code next}, and {@code SND.MAX} with it when it passes it. */
    private static void advance(Sock s, int next) {
        s.set(Sock.SND_NXT, next);
        if (Seq.gt(next, s.get(Sock.SND_MAX))) {
            s.set(Sock.SND_MAX, next);
        }
    }

    /** Resends the oldest unacknowledged segment (fast retransmit), leaving {@code SND.NXT} as it is. */
    void resendFirst(Sock s, long now) {
        int una = s.get(Sock.SND_UNA);
        int n = Math.min(s.tx.length(), Math.min(s.get(Sock.MSS), s.get(Sock.SND_MAX) - una));
        if (n > 0) {
            send(s, una, Segment.ACK | Segment.PSH, 0, n, now);
            counters.count(Counter.TCP_RETRANSMISSIONS);
        }
    }

    private void header(int localPort, int remotePort, int seq, int ack, int flags, int window, int header) {
        int at = Ipv4.PAYLOAD;
        NetOrder.put16(out, at, localPort);
        NetOrder.put16(out, at + 2, remotePort);
        NetOrder.put32(out, at + 4, seq);
        NetOrder.put32(out, at + 8, ack);
        NetOrder.put8(out, at + 12, header / 4 << 4);
        NetOrder.put8(out, at + 13, flags);
        NetOrder.put16(out, at + 14, window);
        NetOrder.put16(out, at + 16, 0);
        NetOrder.put16(out, at + 18, 0);
    }

    /** Checksums the segment of {@code length} bytes at {@link Ipv4#PAYLOAD} and sends it to {@code remote}. */
    private boolean finish(int remote, int length, long now) {
        int at = Ipv4.PAYLOAD;
        long sum = Checksum.add(Checksum.pseudoHeader(ip.address(), remote, Ipv4.PROTOCOL_TCP, length), out, at, length);
        NetOrder.put16(out, at + 16, Checksum.finish(sum));
        boolean sent = ip.send(out, remote, Ipv4.PROTOCOL_TCP, length, now);
        if (sent) {
            counters.count(Counter.TCP_OUT);
        }
        return sent;
    }
}
