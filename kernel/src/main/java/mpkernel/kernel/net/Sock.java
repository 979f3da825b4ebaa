package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One row of the socket table: everything about one socket, TCP control block included, in
 * the stack's memory. A view; it holds no state itself. Fields are named offsets, read and
 * written with {@link #get}/{@link #set} (32-bit) and {@link #getLong}/{@link #setLong}.
 */
final class Sock {

    /** Bytes of a row. */
    static final int ROW = 216;

    // 32-bit fields
    static final int FLAGS = 0;
    static final int STATE = 4;
    static final int LOCAL_ADDRESS = 8;
    static final int LOCAL_PORT = 12;
    static final int REMOTE_ADDRESS = 16;
    static final int REMOTE_PORT = 20;
    /** A pending error number (ECONNRESET, ECONNREFUSED, ETIMEDOUT), 0 if none. */
    static final int ERROR = 24;
    /** The listening socket's slot + 1, for a connection not yet accepted; 0 otherwise. */
    static final int PARENT = 28;
    static final int BACKLOG = 32;
    /** When the socket was made, in the table's own count: the oldest connection is accepted first. */
    static final int SERIAL = 36;
    static final int ISS = 40;
    static final int SND_UNA = 44;
    static final int SND_NXT = 48;
    static final int SND_WND = 52;
    static final int SND_WL1 = 56;
    static final int SND_WL2 = 60;
    static final int IRS = 64;
    static final int RCV_NXT = 68;
    /** The receive window last advertised. */
    static final int RCV_WND = 72;
    /** The largest segment the peer takes. */
    static final int MSS = 76;
    /** Retransmission timeout, milliseconds. */
    static final int RTO = 80;
    /** Smoothed round-trip time, microseconds; 0 before the first sample. */
    static final int SRTT = 84;
    static final int RTTVAR = 88;
    /** The sequence number whose acknowledgement ends the round-trip measurement under way. */
    static final int RTT_SEQ = 92;
    /** Expiries of the retransmission timer since the last progress. */
    static final int RETRIES = 96;
    static final int DUP_ACKS = 100;
    /** Congestion window and slow-start threshold, bytes (RFC 5681). */
    static final int CWND = 104;
    static final int SSTHRESH = 108;
    // 64-bit fields
    /** When the socket's one timer expires ({@link System#nanoTime}), 0 if it is not running. */
    static final int DEADLINE = 112;
    static final int RTT_START = 120;
    // the send and receive rings
    static final int TX = 128;
    static final int RX = 152;
    /** The highest sequence number sent so far: a timeout sends again from {@code SND.UNA}, but what went before may still be acknowledged. */
    static final int SND_MAX = 176;
    /** How many out-of-order ranges the receive ring holds beyond {@code RCV.NXT} (see {@link Reassembly}). */
    static final int HELD_RANGES = 180;
    /** {@link Reassembly#RANGES} pairs of sequence numbers, the start and end of each range, lowest first. */
    static final int RANGES = 184;

    // FLAGS bits
    static final int USED = 1;
    /** A descriptor refers to it (not yet closed, not a connection waiting to be accepted). */
    static final int OPEN = 1 << 1;
    static final int NONBLOCK = 1 << 2;
    static final int STREAM = 1 << 3;
    static final int DGRAM = 1 << 4;
    static final int BOUND = 1 << 5;
    static final int LISTENING = 1 << 6;
    /** UDP: has a default destination. */
    static final int CONNECTED = 1 << 7;
    static final int SHUT_RD = 1 << 8;
    /** The user will send no more: a FIN follows the queued data. */
    static final int FIN_QUEUED = 1 << 9;
    static final int FIN_ACKED = 1 << 10;
    /** The peer's FIN arrived. */
    static final int FIN_IN = 1 << 11;
    /** An acknowledgement is owed and no segment has carried it yet. */
    static final int ACK_NOW = 1 << 12;
    /** A round trip is being timed. */
    static final int TIMING = 1 << 13;
    /** The connection is over (reset, refused, timed out, or closed): sending is a broken pipe. */
    static final int ENDED = 1 << 14;

    final int slot;
    final ByteRing tx;
    final ByteRing rx;
    private final MemorySegment row;

    Sock(int slot, MemorySegment row, NetMemory memory) {
        this.slot = slot;
        this.row = row;
        this.tx = new ByteRing(row.asSlice(TX, ByteRing.FIELDS), memory);
        this.rx = new ByteRing(row.asSlice(RX, ByteRing.FIELDS), memory);
    }

    int get(int field) {
        return row.get(JAVA_INT, field);
    }

    void set(int field, int value) {
        row.set(JAVA_INT, field, value);
    }

    long getLong(int field) {
        return row.get(JAVA_LONG, field);
    }

    void setLong(int field, long value) {
        row.set(JAVA_LONG, field, value);
    }

    boolean has(int flag) {
        return (get(FLAGS) & flag) != 0;
    }

    void raise(int flag) {
        set(FLAGS, get(FLAGS) | flag);
    }

    void lower(int flag) {
        set(FLAGS, get(FLAGS) & ~flag);
    }

    int state() {
        return get(STATE);
    }

    void state(int state) {
        set(STATE, state);
    }

    /** The listening socket's slot for a connection waiting to be accepted, else -1. */
    int parent() {
        return get(PARENT) - 1;
    }

    /** Closed by its user and not a connection waiting to be accepted: nobody will read it again. */
    boolean orphan() {
        return !has(OPEN) && get(PARENT) == 0;
    }

    /** Clears the whole row. */
    void clear() {
        row.fill((byte) 0);
    }
}
