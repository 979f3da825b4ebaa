package mpkernel.kernel.net;

import mpkernel.kernel.api.Errno;

/**
 * What a TCP connection does when its timer expires: resend its SYN or SYN-ACK (giving up
 * after {@value #HANDSHAKE_RETRIES} tries), go back to its oldest unacknowledged byte and resend
 * from there (giving up, with a reset, after {@value #DATA_RETRIES} expiries without progress),
 * probe a shut window (as long as the peer answers), or end TIME_WAIT and an abandoned
 * FIN_WAIT_2.
 */
final class TcpTimers {

    static final int HANDSHAKE_RETRIES = 5;
    static final int DATA_RETRIES = 8;

    private final TcpSender sender;
    private final TcpEnd end;
    private final Counters counters;

    TcpTimers(TcpSender sender, TcpEnd end, Counters counters) {
        this.sender = sender;
        this.end = end;
        this.counters = counters;
    }

    /** Runs {@code s}'s timer, which expired at or before {@code now}. */
    void expire(Sock s, long now) {
        Rto.stop(s);
        switch (s.state()) {
            case TcpState.SYN_SENT, TcpState.SYN_RECEIVED -> handshake(s, now);
            case TcpState.TIME_WAIT, TcpState.FIN_WAIT_2 -> end.close(s);
            case TcpState.ESTABLISHED, TcpState.CLOSE_WAIT, TcpState.FIN_WAIT_1, TcpState.CLOSING, TcpState.LAST_ACK -> resend(s, now);
            default -> {
                // LISTEN, CLOSED: no timer
            }
        }
    }

    private void handshake(Sock s, long now) {
        if (s.get(Sock.RETRIES) >= HANDSHAKE_RETRIES) {
            counters.count(Counter.TCP_TIMEOUTS);
            end.fail(s, Errno.ETIMEDOUT);
            return;
        }
        s.set(Sock.RETRIES, s.get(Sock.RETRIES) + 1);
        counters.count(Counter.TCP_RETRANSMISSIONS);
        Rto.backOff(s);
        sender.syn(s, now);
        Rto.arm(s, now);
    }

    private void resend(Sock s, long now) {
        int una = s.get(Sock.SND_UNA);
        int flight = s.get(Sock.SND_MAX) - una;
        boolean unsentFin = s.has(Sock.FIN_QUEUED) && !s.has(Sock.FIN_ACKED);
        if (flight == 0 && s.tx.length() == 0 && !unsentFin) {
            return;
        }
        // probing a shut window is not a failure, however long the peer keeps it shut
        boolean probing = s.get(Sock.SND_WND) == 0;
        if (!probing) {
            if (s.get(Sock.RETRIES) >= DATA_RETRIES) {
                counters.count(Counter.TCP_TIMEOUTS);
                sender.abort(s, now);
                end.fail(s, Errno.ETIMEDOUT);
                return;
            }
            s.set(Sock.RETRIES, s.get(Sock.RETRIES) + 1);
            if (flight > 0) {
                counters.count(Counter.TCP_RETRANSMISSION_TIMEOUTS);
                counters.count(Counter.TCP_RETRANSMISSIONS);
                Congestion.timedOut(s, flight);
            }
        }
        Rto.backOff(s);
        s.set(Sock.SND_NXT, una);
        s.set(Sock.DUP_ACKS, 0);
        sender.push(s, now);
        if (s.get(Sock.SND_NXT) == una) {
            sender.probe(s, now);
        }
        Rto.arm(s, now);
    }
}
