package mpkernel.kernel.net;

/** The states of a TCP connection (RFC 9293, section 3.3.2), as stored in a socket's row. */
final class TcpState {

    static final int CLOSED = 0;
    static final int LISTEN = 1;
    static final int SYN_SENT = 2;
    static final int SYN_RECEIVED = 3;
    static final int ESTABLISHED = 4;
    static final int FIN_WAIT_1 = 5;
    static final int FIN_WAIT_2 = 6;
    static final int CLOSE_WAIT = 7;
    static final int CLOSING = 8;
    static final int LAST_ACK = 9;
    static final int TIME_WAIT = 10;

    private static final String[] NAMES = {"CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1",
        "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT"};

    private TcpState() {
    }

    static String name(int state) {
        return state >= 0 && state < NAMES.length ? NAMES[state] : "?" + state;
    }

    static boolean valid(int state) {
        return state >= CLOSED && state <= TIME_WAIT;
    }

    /** Whether both sides' initial sequence numbers are known (past the handshake's SYNs). */
    static boolean synchronizedState(int state) {
        return state >= SYN_RECEIVED;
    }

    /** Whether the user may still queue data to send. */
    static boolean maySend(int state) {
        return state == ESTABLISHED || state == CLOSE_WAIT;
    }

    /** Whether data the peer sends is still accepted. */
    static boolean mayReceive(int state) {
        return state == ESTABLISHED || state == FIN_WAIT_1 || state == FIN_WAIT_2;
    }
}
