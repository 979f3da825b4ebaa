package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.SysError;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The stack's sockets: {@value #SOCKETS} rows of the stack's memory, the buffers they own on
 * its heap, and what the table itself remembers (the next ephemeral port, the creation count,
 * the key of the initial-sequence-number hash).
 */
final class SocketTable {

    static final int SOCKETS = 64;
    static final int FIRST_EPHEMERAL = 49152;
    private static final long NEXT_PORT = 0;
    private static final long NEXT_SERIAL = 4;
    private static final long ISN_KEY = 8;

    private final NetMemory memory;
    private final MemorySegment globals;
    private final Sock[] socks = new Sock[SOCKETS];

    SocketTable(NetMemory memory, long isnKey) {
        this.memory = memory;
        this.globals = memory.tables().carve(16);
        MemorySegment rows = memory.tables().carve((long) Sock.ROW * SOCKETS);
        for (int i = 0; i < SOCKETS; i++) {
            socks[i] = new Sock(i, rows.asSlice((long) i * Sock.ROW, Sock.ROW), memory);
        }
        globals.set(JAVA_INT, NEXT_PORT, FIRST_EPHEMERAL);
        globals.set(JAVA_LONG, ISN_KEY, isnKey);
    }

    Sock get(int slot) {
        return socks[slot];
    }

    /**
     * A fresh socket of {@code kind} ({@link Sock#STREAM} or {@link Sock#DGRAM}); when the table
     * is full, the TIME_WAIT connection that would end first gives up its row. Null if none is free.
     */
    Sock allocate(int kind) {
        Sock free = null;
        Sock waiting = null;
        for (Sock s : socks) {
            if (!s.has(Sock.USED)) {
                free = s;
                break;
            }
            if (s.orphan() && s.state() == TcpState.TIME_WAIT
                    && (waiting == null || s.getLong(Sock.DEADLINE) < waiting.getLong(Sock.DEADLINE))) {
                waiting = s;
            }
        }
        if (free == null && waiting != null) {
            release(waiting);
            free = waiting;
        }
        if (free != null) {
            int serial = globals.get(JAVA_INT, NEXT_SERIAL);
            globals.set(JAVA_INT, NEXT_SERIAL, serial + 1);
            free.set(Sock.FLAGS, Sock.USED | kind);
            free.set(Sock.SERIAL, serial);
        }
        return free;
    }

    /** Gives {@code s} a send ring of {@code txBytes} (none if 0) and a receive ring of {@code rxBytes}; false if the heap is out. */
    boolean attachBuffers(Sock s, int txBytes, int rxBytes) {
        long tx = 0;
        try {
            if (txBytes > 0) {
                tx = memory.heap().malloc(txBytes);
                s.tx.attach(tx, txBytes);
            }
            s.rx.attach(memory.heap().malloc(rxBytes), rxBytes);
            return true;
        } catch (SysError e) {
            if (tx != 0) {
                memory.heap().free(tx);
                s.tx.attach(0, 0);
            }
            return false;
        }
    }

    /** Frees {@code s}'s buffers (a connection in TIME_WAIT needs none). */
    void detachBuffers(Sock s) {
        for (ByteRing ring : new ByteRing[] {s.tx, s.rx}) {
            if (ring.address() != 0) {
                memory.heap().free(ring.address());
                ring.attach(0, 0);
            }
        }
    }

    /** Frees the row and its buffers. */
    void release(Sock s) {
        detachBuffers(s);
        s.clear();
    }

    /** The connected stream socket of this four-tuple, or null. */
    Sock connection(int localAddress, int localPort, int remoteAddress, int remotePort) {
        for (Sock s : socks) {
            if (s.has(Sock.USED) && s.has(Sock.STREAM) && !s.has(Sock.LISTENING) && s.state() != TcpState.CLOSED
                    && s.get(Sock.LOCAL_PORT) == localPort && s.get(Sock.REMOTE_PORT) == remotePort
                    && s.get(Sock.REMOTE_ADDRESS) == remoteAddress && s.get(Sock.LOCAL_ADDRESS) == localAddress) {
                return s;
            }
        }
        return null;
    }

    /** The listening socket for {@code localPort} on {@code localAddress}, or null. */
    Sock listener(int localAddress, int localPort) {
        for (Sock s : socks) {
            if (s.has(Sock.USED) && s.has(Sock.LISTENING) && s.get(Sock.LOCAL_PORT) == localPort
                    && (s.get(Sock.LOCAL_ADDRESS) == 0 || s.get(Sock.LOCAL_ADDRESS) == localAddress)) {
                return s;
            }
        }
        return null;
    }

    /** The UDP socket a datagram from {@code remote} to {@code localPort} is for: a connected one first. */
    Sock datagramSocket(int localAddress, int localPort, int remoteAddress, int remotePort) {
        Sock bound = null;
        for (Sock s : socks) {
            if (!s.has(Sock.USED) || !s.has(Sock.DGRAM) || !s.has(Sock.BOUND) || s.get(Sock.LOCAL_PORT) != localPort
                    || (s.get(Sock.LOCAL_ADDRESS) != 0 && s.get(Sock.LOCAL_ADDRESS) != localAddress)) {
                continue;
            }
            if (!s.has(Sock.CONNECTED)) {
                bound = s;
            } else if (s.get(Sock.REMOTE_ADDRESS) == remoteAddress && s.get(Sock.REMOTE_PORT) == remotePort) {
                return s;
            }
        }
        return bound;
    }

    /**
     * Whether {@code port} is taken for a new binding of {@code kind}: by a listening socket or
     * by a bound, unconnected one. Connections already accepted on it do not count (Linux with
     * {@code SO_REUSEADDR}: a server restarts while its old connections linger in TIME_WAIT).
     */
    boolean portTaken(int kind, int port) {
        for (Sock s : socks) {
            if (s.has(Sock.USED) && s.has(kind) && s.has(Sock.BOUND) && s.get(Sock.LOCAL_PORT) == port
                    && (s.has(Sock.LISTENING) || (s.get(Sock.REMOTE_PORT) == 0 && s.get(Sock.PARENT) == 0))) {
                return true;
            }
        }
        return false;
    }

    /** A port of {@code kind} no socket uses, from the ephemeral range (49152..65535); 0 if none is left. */
    int ephemeralPort(int kind) {
        int span = 65536 - FIRST_EPHEMERAL;
        int next = globals.get(JAVA_INT, NEXT_PORT);
        for (int i = 0; i < span; i++) {
            int port = FIRST_EPHEMERAL + (next - FIRST_EPHEMERAL + i) % span;
            if (!used(kind, port)) {
                globals.set(JAVA_INT, NEXT_PORT, port + 1 > 65535 ? FIRST_EPHEMERAL : port + 1);
                return port;
            }
        }
        return 0;
    }

    private boolean used(int kind, int port) {
        for (Sock s : socks) {
            if (s.has(Sock.USED) && s.has(kind) && s.get(Sock.LOCAL_PORT) == port) {
                return true;
            }
        }
        return false;
    }

    /** The key of the initial-sequence-number hash, chosen at boot. */
    long isnKey() {
        return globals.get(JAVA_LONG, ISN_KEY);
    }

    /** Connections of {@code listener} not yet accepted. */
    int pendingChildren(Sock listener) {
        int n = 0;
        for (Sock s : socks) {
            if (s.has(Sock.USED) && s.parent() == listener.slot) {
                n++;
            }
        }
        return n;
    }

    /**
     * The oldest connection of {@code listener} in one of {@code states} (TCP states as bits:
     * {@code 1 << state}), or null.
     */
    Sock oldestChild(Sock listener, int states) {
        Sock oldest = null;
        for (Sock s : socks) {
            if (s.has(Sock.USED) && s.parent() == listener.slot && (states & 1 << s.state()) != 0
                    && (oldest == null || s.get(Sock.SERIAL) - oldest.get(Sock.SERIAL) < 0)) {
                oldest = s;
            }
        }
        return oldest;
    }

    /**
     * The first inconsistency of the table, or null: a flag word, state, port or parent that no
     * code path writes, or a ring that is not a live block of the stack's heap.
     */
    String checkInvariants() {
        for (Sock s : socks) {
            if (!s.has(Sock.USED)) {
                continue;
            }
            String where = "socket " + s.slot;
            if (s.has(Sock.STREAM) == s.has(Sock.DGRAM)) {
                return where + " is neither TCP nor UDP (or both)";
            }
            if (!TcpState.valid(s.state()) || (s.has(Sock.DGRAM) && s.state() != TcpState.CLOSED)) {
                return where + " has state " + s.state();
            }
            if ((s.get(Sock.LOCAL_PORT) & ~0xffff) != 0 || (s.get(Sock.REMOTE_PORT) & ~0xffff) != 0) {
                return where + " has a port out of range";
            }
            int parent = s.parent();
            if (parent != -1 && (parent < 0 || parent >= SOCKETS || !socks[parent].has(Sock.LISTENING))) {
                return where + " names socket " + parent + " as its listener, which is not listening";
            }
            for (ByteRing ring : new ByteRing[] {s.tx, s.rx}) {
                if (ring.address() == 0) {
                    continue;
                }
                long block;
                try {
                    block = memory.heap().sizeOf(ring.address());
                } catch (SysError e) {
                    return where + " has a buffer that is not a block of the network heap";
                }
                if (!ring.consistent(block)) {
                    return where + " has a buffer whose head, length or size is out of bounds";
                }
            }
        }
        return null;
    }

    /** One line per socket in use, for {@code /proc/net}. */
    void describe(StringBuilder out) {
        for (Sock s : socks) {
            if (!s.has(Sock.USED)) {
                continue;
            }
            String local = SockAddr.format(s.get(Sock.LOCAL_ADDRESS)) + ":" + s.get(Sock.LOCAL_PORT);
            String remote = SockAddr.format(s.get(Sock.REMOTE_ADDRESS)) + ":" + s.get(Sock.REMOTE_PORT);
            String state = s.has(Sock.DGRAM) ? "-" : s.has(Sock.LISTENING) ? "LISTEN" : TcpState.name(s.state());
            out.append(String.format("socket %d %s %s %s %s rx-queue %d tx-queue %d%s%n", s.slot, s.has(Sock.STREAM) ? "tcp" : "udp",
                    local, remote, state, s.rx.length(), s.tx.length(), s.has(Sock.OPEN) ? "" : s.parent() >= 0 ? " (to accept)" : " (closed)"));
        }
    }
}
