package mpkernel.kernel.net;

import mpkernel.kernel.api.Errno;

/**
 * How TCP connections end: failed (reset, refused, timed out), closed normally, or waiting
 * in TIME_WAIT or FIN_WAIT_2. A connection nobody will read again (its user closed it, or it
 * was never accepted) gives its row and buffers back at once; one its user still holds keeps
 * them (there may be data left to read) until the user closes it.
 */
final class TcpEnd {

    /** TIME_WAIT lasts 2 MSL with an MSL of 1 s: the peers are one hop away, and rows are few. */
    static final long TIME_WAIT_NANOS = 2_000_000_000L;
    /** How long a closed connection waits for the peer's FIN before it is dropped. */
    static final long FIN_WAIT_2_NANOS = 10_000_000_000L;

    private final SocketTable table;

    TcpEnd(SocketTable table) {
        this.table = table;
    }

    /** The connection failed with {@code error}: its user sees it on the next call; its data is gone. */
    void fail(Sock s, Errno error) {
        if (s.orphan() || s.parent() >= 0) {
            table.release(s);
            return;
        }
        s.set(Sock.ERROR, error.number());
        finish(s);
        table.detachBuffers(s);
    }

    /** The connection ended normally (both FINs acknowledged, or a reset in a closing state). */
    void close(Sock s) {
        if (s.orphan() || s.parent() >= 0) {
            table.release(s);
            return;
        }
        finish(s);
    }

    void timeWait(Sock s, long now) {
        s.state(TcpState.TIME_WAIT);
        s.lower(Sock.TIMING);
        s.setLong(Sock.DEADLINE, now + TIME_WAIT_NANOS);
        if (s.orphan()) {
            table.detachBuffers(s);
        }
    }

    /** Our FIN is acknowledged; the peer's is awaited (for a limited time if nobody holds the socket). */
    void finWait2(Sock s, long now) {
        s.state(TcpState.FIN_WAIT_2);
        s.lower(Sock.TIMING);
        s.setLong(Sock.DEADLINE, s.orphan() ? now + FIN_WAIT_2_NANOS : 0);
    }

    private static void finish(Sock s) {
        s.state(TcpState.CLOSED);
        s.raise(Sock.ENDED);
        Rto.stop(s);
    }
}
