package mpkernel.kernel.net;

import mpkernel.kernel.api.Errno;

/**
 * TCP segment arrival (RFC 9293, section 3.10.7), connection by connection: the listening
 * state's SYNs, the SYN-SENT state's answers, and in every synchronized state the acceptability
 * test, RST (RFC 5961: exact match resets, anything else in the window gets a challenge ACK),
 * SYN (a challenge ACK), the acknowledgement with the window update, the data and the FIN.
 * What is owed in return (an ACK, data the window now admits) is marked on the socket and sent
 * by {@link TcpSender#push} once the batch of frames is done; resets go out at once.
 */
final class Tcp {

    static final int TX_BUFFER = 64 * 1024;
    static final int RX_BUFFER = 64 * 1024;
    /** The smallest MSS a peer may name (a smaller one is raised to it rather than obeyed). */
    private static final int MIN_MSS = 64;

    private final Interface iface;
    private final SocketTable table;
    private final TcpSender sender;
    private final TcpEnd end;
    private final Counters counters;
    private final Segment seg = new Segment();

    Tcp(Interface iface, SocketTable table, TcpSender sender, TcpEnd end, Counters counters) {
        this.iface = iface;
        this.table = table;
        this.sender = sender;
        this.end = end;
        this.counters = counters;
    }

    void input(Packet p, long now) {
        if (!seg.parse(p)) {
            counters.count(p.length < Segment.HEADER ? Counter.DROP_TRUNCATED : Counter.DROP_BAD_HEADER);
            return;
        }
        if (!Checksum.verifies(Checksum.add(Checksum.pseudoHeader(p.source, p.destination, Ipv4.PROTOCOL_TCP, p.length),
                p.frame, p.offset, p.length))) {
            counters.count(Counter.DROP_CHECKSUM);
            return;
        }
        if (p.destination != iface.address()) {
            counters.count(Counter.DROP_NOT_OURS);
            return;
        }
        counters.count(Counter.TCP_IN);
        if (seg.has(Segment.RST)) {
            counters.count(Counter.TCP_RESETS_IN);
        }
        Sock s = table.connection(seg.destination, seg.destinationPort, seg.source, seg.sourcePort);
        if (s == null) {
            Sock listener = table.listener(seg.destination, seg.destinationPort);
            if (listener != null) {
                listen(listener, now);
            } else {
                refuse(now);
            }
        } else if (s.state() == TcpState.SYN_SENT) {
            synSent(s, now);
        } else {
            synchronizedState(s, now);
        }
    }

    /** A segment for no connection: answered with a reset, unless it is one. */
    private void refuse(long now) {
        if (seg.has(Segment.RST)) {
            return;
        }
        if (seg.has(Segment.ACK)) {
            sender.reset(seg.destination, seg.destinationPort, seg.source, seg.sourcePort, seg.ack, 0, Segment.RST, now);
        } else {
            sender.reset(seg.destination, seg.destinationPort, seg.source, seg.sourcePort, 0, seg.seq + seg.length(),
                    Segment.RST | Segment.ACK, now);
        }
    }

    private void listen(Sock listener, long now) {
        if (seg.has(Segment.RST)) {
            return;
        }
        if (seg.has(Segment.ACK)) {
            refuse(now);
            return;
        }
        if (!seg.has(Segment.SYN) || seg.sourcePort == 0 || !iface.unicast(seg.source)) {
            return;
        }
        if (table.pendingChildren(listener) >= listener.get(Sock.BACKLOG)) {
            counters.count(Counter.TCP_LISTEN_OVERFLOW);
            // A SYN flood fills the queue with half-open connections that never complete: the
            // oldest makes room once its SYN-ACK went unanswered for a whole retransmission
            // timeout. A burst of real clients (redis-benchmark opens 50 at once) completes its
            // handshakes within that time, so until then the new SYN is dropped and its client
            // sends it again, as Linux does, rather than evicting a client about to complete.
            Sock oldest = table.oldestChild(listener, 1 << TcpState.SYN_RECEIVED);
            if (oldest == null || oldest.get(Sock.RETRIES) == 0) {
                return;
            }
            table.release(oldest);
        }
        Sock c = table.allocate(Sock.STREAM);
        if (c == null || !table.attachBuffers(c, TX_BUFFER, RX_BUFFER)) {
            if (c != null) {
                table.release(c);
            }
            counters.count(Counter.TCP_NO_MEMORY);
            return;
        }
        c.raise(Sock.BOUND);
        c.set(Sock.PARENT, listener.slot + 1);
        c.set(Sock.LOCAL_ADDRESS, seg.destination);
        c.set(Sock.LOCAL_PORT, seg.destinationPort);
        c.set(Sock.REMOTE_ADDRESS, seg.source);
        c.set(Sock.REMOTE_PORT, seg.sourcePort);
        c.set(Sock.IRS, seg.seq);
        c.set(Sock.RCV_NXT, seg.seq + 1);
        int iss = Isn.next(table.isnKey(), c, now);
        c.set(Sock.ISS, iss);
        c.set(Sock.SND_UNA, iss);
        c.set(Sock.SND_NXT, iss + 1);
        c.set(Sock.SND_MAX, iss + 1);
        c.set(Sock.SND_WND, seg.window);
        c.set(Sock.SND_WL1, seg.seq);
        c.set(Sock.SND_WL2, iss);
        c.set(Sock.MSS, peerMss());
        c.state(TcpState.SYN_RECEIVED);
        Rto.reset(c);
        Congestion.start(c);
        sender.syn(c, now);
        Rto.time(c, iss + 1, now);
        Rto.arm(c, now);
    }

    private void synSent(Sock s, long now) {
        int iss = s.get(Sock.ISS);
        boolean acked = seg.has(Segment.ACK);
        if (acked && (Seq.le(seg.ack, iss) || Seq.gt(seg.ack, s.get(Sock.SND_MAX)))) {
            refuse(now);
            return;
        }
        if (seg.has(Segment.RST)) {
            if (acked) {
                end.fail(s, Errno.ECONNREFUSED);
            }
            return;
        }
        if (!seg.has(Segment.SYN)) {
            return;
        }
        s.set(Sock.IRS, seg.seq);
        s.set(Sock.RCV_NXT, seg.seq + 1);
        s.set(Sock.MSS, peerMss());
        s.set(Sock.SND_WND, seg.window);
        s.set(Sock.SND_WL1, seg.seq);
        s.set(Sock.SND_WL2, seg.ack);
        if (acked) {
            s.set(Sock.SND_UNA, seg.ack);
            Rto.acknowledged(s, seg.ack, now);
            Rto.stop(s);
            s.set(Sock.RETRIES, 0);
            s.state(TcpState.ESTABLISHED);
            Congestion.start(s);
            s.raise(Sock.ACK_NOW);
        } else {
            s.state(TcpState.SYN_RECEIVED); // simultaneous open
            sender.syn(s, now);
            Rto.arm(s, now);
        }
    }

    private void synchronizedState(Sock s, long now) {
        int window = TcpSender.window(s);
        if (!acceptable(s.get(Sock.RCV_NXT), window)) {
            if (window == 0 && seg.seq == s.get(Sock.RCV_NXT)) {
                // a shut window takes no data, but the ACK, RST or window update still counts
                seg.dataLength = 0;
                seg.flags &= ~Segment.FIN;
            } else {
                counters.count(Counter.TCP_OUT_OF_WINDOW);
                if (!seg.has(Segment.RST)) {
                    sender.ack(s, now);
                }
                if (s.state() == TcpState.TIME_WAIT && seg.has(Segment.FIN)) {
                    end.timeWait(s, now); // the peer missed our ACK of its FIN: wait again
                }
                return;
            }
        }
        if (seg.has(Segment.RST)) {
            reset(s, now);
            return;
        }
        if (seg.has(Segment.SYN)) {
            counters.count(Counter.TCP_CHALLENGE_ACKS);
            sender.ack(s, now);
            return;
        }
        if (!seg.has(Segment.ACK)) {
            return;
        }
        if (s.state() == TcpState.SYN_RECEIVED && !establish(s, now)) {
            return;
        }
        if (!acknowledge(s, now)) {
            return;
        }
        if (finAcknowledged(s, now)) {
            return;
        }
        int finSeq = seg.seq + seg.dataLength;
        if (seg.dataLength > 0 && TcpState.mayReceive(s.state()) && !receive(s, now)) {
            return;
        }
        if (seg.has(Segment.FIN) && finSeq == s.get(Sock.RCV_NXT)) {
            fin(s, now);
        }
    }

    /** The RFC 9293 acceptability test of the segment against {@code [RCV.NXT, RCV.NXT + window)}. */
    private boolean acceptable(int rcvNxt, int window) {
        int len = seg.length();
        if (len == 0) {
            return window == 0 ? seg.seq == rcvNxt : Seq.inWindow(seg.seq, rcvNxt, window);
        }
        return window != 0 && (Seq.inWindow(seg.seq, rcvNxt, window) || Seq.inWindow(seg.seq + len - 1, rcvNxt, window));
    }

    private void reset(Sock s, long now) {
        if (seg.seq != s.get(Sock.RCV_NXT)) {
            counters.count(Counter.TCP_CHALLENGE_ACKS);
            sender.ack(s, now);
            return;
        }
        switch (s.state()) {
            case TcpState.SYN_RECEIVED -> {
                if (s.parent() >= 0) {
                    table.release(s); // a passive open the peer gave up: back to listening alone
                } else {
                    end.fail(s, Errno.ECONNREFUSED);
                }
            }
            case TcpState.CLOSING, TcpState.LAST_ACK, TcpState.TIME_WAIT -> end.close(s);
            default -> end.fail(s, Errno.ECONNRESET);
        }
    }

    /** SYN-RECEIVED: the handshake's ACK. False if it acknowledges something else (answered with a reset). */
    private boolean establish(Sock s, long now) {
        if (!Seq.gt(seg.ack, s.get(Sock.SND_UNA)) || Seq.gt(seg.ack, s.get(Sock.SND_MAX))) {
            sender.reset(seg.destination, seg.destinationPort, seg.source, seg.sourcePort, seg.ack, 0, Segment.RST, now);
            return false;
        }
        s.state(TcpState.ESTABLISHED);
        s.set(Sock.SND_UNA, seg.ack); // our SYN is acknowledged
        Rto.acknowledged(s, seg.ack, now);
        Rto.stop(s);
        s.set(Sock.RETRIES, 0);
        s.set(Sock.SND_WND, seg.window);
        s.set(Sock.SND_WL1, seg.seq);
        s.set(Sock.SND_WL2, seg.ack);
        return true;
    }

    /**
     * The acknowledgement and window update: frees acknowledged bytes (and notes an
     * acknowledged FIN), feeds the round-trip estimator and the congestion window, counts
     * duplicates (the third triggers a fast retransmit). False if the segment acknowledges
     * data never sent: it is then answered with an ACK and dropped.
     */
    private boolean acknowledge(Sock s, long now) {
        int una = s.get(Sock.SND_UNA);
        int max = s.get(Sock.SND_MAX);
        if (Seq.gt(seg.ack, max)) {
            sender.ack(s, now);
            return false;
        }
        if (Seq.gt(seg.ack, una)) {
            int acked = seg.ack - una;
            int queued = s.tx.length();
            boolean fin = s.has(Sock.FIN_QUEUED) && acked > queued;
            int data = fin ? queued : acked;
            if (data > 0) {
                s.tx.consume(data);
            }
            s.set(Sock.SND_UNA, seg.ack);
            if (Seq.gt(seg.ack, s.get(Sock.SND_NXT))) {
                s.set(Sock.SND_NXT, seg.ack); // acknowledges what went out before a timeout rewound SND.NXT
            }
            if (fin) {
                s.raise(Sock.FIN_ACKED);
            }
            Rto.acknowledged(s, seg.ack, now);
            s.set(Sock.RETRIES, 0);
            s.set(Sock.DUP_ACKS, 0);
            Congestion.acknowledged(s, data);
            if (seg.ack == max) {
                Rto.stop(s);
            } else {
                Rto.arm(s, now);
            }
        } else if (seg.ack == una && max != una && seg.dataLength == 0 && !seg.has(Segment.FIN)
                && seg.window == s.get(Sock.SND_WND)) {
            int dups = s.get(Sock.DUP_ACKS) + 1;
            s.set(Sock.DUP_ACKS, dups);
            if (dups == 3) {
                counters.count(Counter.TCP_FAST_RETRANSMITS);
                Congestion.fastRetransmit(s, max - una);
                sender.resendFirst(s, now);
            }
        }
        if (Seq.lt(s.get(Sock.SND_WL1), seg.seq) || (s.get(Sock.SND_WL1) == seg.seq && Seq.le(s.get(Sock.SND_WL2), seg.ack))) {
            s.set(Sock.SND_WND, seg.window);
            s.set(Sock.SND_WL1, seg.seq);
            s.set(Sock.SND_WL2, seg.ack);
        }
        return true;
    }

    /** The state changes an acknowledged FIN makes; true if the connection is gone. */
    private boolean finAcknowledged(Sock s, long now) {
        if (!s.has(Sock.FIN_ACKED)) {
            return false;
        }
        switch (s.state()) {
            case TcpState.FIN_WAIT_1 -> end.finWait2(s, now);
            case TcpState.CLOSING -> end.timeWait(s, now);
            case TcpState.LAST_ACK -> {
                end.close(s);
                return true;
            }
            default -> {
                // FIN_WAIT_2, TIME_WAIT: already past it
            }
        }
        return false;
    }

    /**
     * The segment's data: the part before {@code RCV.NXT} is trimmed, a segment that starts
     * beyond it is held for later ({@link Reassembly}) and re-acknowledged at once (the
     * duplicate ACK a sender counts), whatever exceeds the window is dropped; data that arrives
     * in order takes the held ranges it reaches along with it. Data for a connection its user
     * closed resets it. False if the connection is gone.
     */
    private boolean receive(Sock s, long now) {
        int skip = s.get(Sock.RCV_NXT) - seg.seq;
        if (skip < 0) {
            // reading shut down: nothing is kept, in order or not
            boolean kept = !s.has(Sock.SHUT_RD) && Reassembly.keep(s, seg, 0, -skip, seg.dataLength);
            counters.count(kept ? Counter.TCP_OUT_OF_ORDER_KEPT : Counter.TCP_OUT_OF_ORDER);
            sender.ack(s, now);
            return true;
        }
        if (s.orphan()) {
            sender.abort(s, now);
            end.close(s);
            return false;
        }
        int n = seg.dataLength - skip;
        if (n <= 0) {
            s.raise(Sock.ACK_NOW);
            return true;
        }
        int taken = s.has(Sock.SHUT_RD) ? n : Math.min(n, s.rx.free());
        if (!s.has(Sock.SHUT_RD)) {
            s.rx.append(seg.frame, seg.data + skip, taken);
        }
        if (taken < n) {
            counters.count(Counter.TCP_OUT_OF_WINDOW);
        }
        s.set(Sock.RCV_NXT, s.get(Sock.RCV_NXT) + taken);
        int joined = Reassembly.joined(s);
        if (!s.has(Sock.SHUT_RD)) {
            s.rx.extend(joined);
        }
        s.set(Sock.RCV_NXT, s.get(Sock.RCV_NXT) + joined);
        if (joined > 0) {
            sender.ack(s, now); // a segment that fills a gap is acknowledged at once, never delayed (RFC 5681, 4.2)
        } else {
            s.raise(Sock.ACK_NOW);
        }
        return true;
    }

    /** The peer's FIN, in sequence: the receiving side ends. */
    private void fin(Sock s, long now) {
        s.set(Sock.RCV_NXT, s.get(Sock.RCV_NXT) + 1);
        s.raise(Sock.FIN_IN);
        s.raise(Sock.ACK_NOW);
        switch (s.state()) {
            case TcpState.SYN_RECEIVED, TcpState.ESTABLISHED -> s.state(TcpState.CLOSE_WAIT);
            case TcpState.FIN_WAIT_1 -> {
                if (s.has(Sock.FIN_ACKED)) {
                    end.timeWait(s, now);
                } else {
                    s.state(TcpState.CLOSING);
                }
            }
            case TcpState.FIN_WAIT_2 -> end.timeWait(s, now);
            default -> {
                // CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT: a FIN seen already
            }
        }
    }

    /** The MSS the peer's option names, kept between {@value #MIN_MSS} and ours; the default without one. */
    private int peerMss() {
        return seg.mss == 0 ? TcpSender.DEFAULT_MSS : Math.clamp(seg.mss, MIN_MSS, TcpSender.MSS);
    }
}
