package mpkernel.kernel.net;

/**
 * Congestion control after RFC 5681: slow start from an initial window of ten segments
 * (RFC 6928), congestion avoidance above the threshold, one segment after a timeout; a fast
 * retransmit halves the window (no fast-recovery inflation). What may be in flight is the
 * smaller of this window and the peer's. The values live in the socket's row.
 */
final class Congestion {

    private static final int MAX_WINDOW = 1 << 24;

    private Congestion() {
    }

    static void start(Sock s) {
        int mss = s.get(Sock.MSS);
        s.set(Sock.CWND, Math.min(10 * mss, Math.max(2 * mss, 14_600)));
        s.set(Sock.SSTHRESH, MAX_WINDOW);
    }

    /** {@code bytes} newly acknowledged. */
    static void acknowledged(Sock s, int bytes) {
        int mss = s.get(Sock.MSS);
        int cwnd = s.get(Sock.CWND);
        int grown = cwnd < s.get(Sock.SSTHRESH) ? cwnd + Math.min(bytes, mss) : cwnd + Math.max(1, mss * mss / cwnd);
        s.set(Sock.CWND, Math.min(grown, MAX_WINDOW));
    }

    /** The retransmission timer expired with {@code flight} bytes outstanding. */
    static void timedOut(Sock s, int flight) {
        s.set(Sock.SSTHRESH, Math.max(flight / 2, 2 * s.get(Sock.MSS)));
        s.set(Sock.CWND, s.get(Sock.MSS));
    }

    /** Three duplicate acknowledgements with {@code flight} bytes outstanding. */
    static void fastRetransmit(Sock s, int flight) {
        s.set(Sock.SSTHRESH, Math.max(flight / 2, 2 * s.get(Sock.MSS)));
        s.set(Sock.CWND, s.get(Sock.SSTHRESH));
    }

    /** Bytes that may be outstanding: the smaller of the congestion window and the peer's window. */
    static int window(Sock s) {
        return Math.min(s.get(Sock.CWND), s.get(Sock.SND_WND));
    }
}
