package mpkernel.kernel.net;

/**
 * A connection's retransmission timeout (RFC 6298): 1 s until the first round-trip sample,
 * then SRTT + max(G, 4 RTTVAR) with a clock granularity G of 1 ms, kept between 200 ms (Linux's
 * minimum, where the RFC says 1 s: the peers here are one hop away) and 60 s, doubled on each
 * expiry. One segment at a time is timed, never a retransmitted one (Karn's rule). The
 * values live in the socket's row.
 */
final class Rto {

    static final int INITIAL_MILLIS = 1000;
    static final int MIN_MILLIS = 200;
    static final int MAX_MILLIS = 60_000;
    private static final int GRANULARITY_MICROS = 1000;

    private Rto() {
    }

    /** A connection's timer before any sample. */
    static void reset(Sock s) {
        s.set(Sock.RTO, INITIAL_MILLIS);
        s.set(Sock.SRTT, 0);
        s.set(Sock.RTTVAR, 0);
        s.lower(Sock.TIMING);
    }

    /** Starts timing the segment whose acknowledgement is {@code ack}, unless one is being timed. */
    static void time(Sock s, int ack, long now) {
        if (!s.has(Sock.TIMING)) {
            s.raise(Sock.TIMING);
            s.set(Sock.RTT_SEQ, ack);
            s.setLong(Sock.RTT_START, now);
        }
    }

    /** An acknowledgement up to {@code ack} arrived: ends the timing if it covers the timed segment. */
    static void acknowledged(Sock s, int ack, long now) {
        if (s.has(Sock.TIMING) && Seq.ge(ack, s.get(Sock.RTT_SEQ))) {
            s.lower(Sock.TIMING);
            sample(s, (int) Math.min(Integer.MAX_VALUE, Math.max(1, (now - s.getLong(Sock.RTT_START)) / 1000)));
        }
    }

    /** Folds in a round-trip sample of {@code micros}. */
    static void sample(Sock s, int micros) {
        int srtt = s.get(Sock.SRTT);
        int rttvar = s.get(Sock.RTTVAR);
        if (srtt == 0) {
            srtt = micros;
            rttvar = micros / 2;
        } else {
            rttvar = (int) ((3L * rttvar + Math.abs((long) srtt - micros)) / 4);
            srtt = (int) ((7L * srtt + micros) / 8);
        }
        s.set(Sock.SRTT, srtt);
        s.set(Sock.RTTVAR, rttvar);
        long rto = ((long) srtt + Math.max(GRANULARITY_MICROS, 4L * rttvar)) / 1000;
        s.set(Sock.RTO, (int) Math.clamp(rto, MIN_MILLIS, MAX_MILLIS));
    }

    /** The timer expired: doubles the timeout and stops timing (what follows is a retransmission). */
    static void backOff(Sock s) {
        s.set(Sock.RTO, Math.min(MAX_MILLIS, s.get(Sock.RTO) * 2));
        s.lower(Sock.TIMING);
    }

    /** (Re)starts the timer. */
    static void arm(Sock s, long now) {
        s.setLong(Sock.DEADLINE, now + s.get(Sock.RTO) * 1_000_000L);
    }

    /** Starts the timer unless it runs. */
    static void armIfIdle(Sock s, long now) {
        if (s.getLong(Sock.DEADLINE) == 0) {
            arm(s, now);
        }
    }

    static void stop(Sock s) {
        s.setLong(Sock.DEADLINE, 0);
    }
}
