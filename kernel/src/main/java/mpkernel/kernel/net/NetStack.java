package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.mm.StaticArea;

import java.util.function.LongSupplier;

/**
 * One network stack on one interface: the protocols, the sockets, and what links them. Its
 * owner calls {@link #poll} whenever frames may have arrived or a timer may have expired, and
 * the socket calls for its users; all of them hold the stack's lock, none of them waits, and
 * after each the {@link Readiness} of every socket is published for callers that wait outside.
 * Socket numbers are rows of the socket table, {@code 0..}{@value #SOCKETS}{@code -1}.
 */
public final class NetStack {

    /** The most frames one {@link #poll} takes before it acknowledges and returns. */
    public static final int BATCH = 32;
    /** How many sockets a stack has. */
    public static final int SOCKETS = SocketTable.SOCKETS;
    /**
     * How long an acknowledgement of data a socket call took in may wait for the reply to carry
     * it (RFC 1122, 4.2.3.2, allows up to 500 ms; Linux's shortest delay is 40 ms).
     */
    static final long ACK_DELAY = 10_000_000L;

    private final Interface iface;
    private final Counters counters;
    private final Wire wire;
    private final Arp arp;
    private final Ipv4 ip;
    private final Icmp icmp;
    private final Udp udp;
    private final Tcp tcp;
    private final TcpSender sender;
    private final TcpTimers timers;
    private final SocketTable table;
    private final Sockets sockets;
    private final Readiness readiness = new Readiness(SOCKETS);
    private final LongSupplier clock;
    /** Told when a socket call starts a timer earlier than the wake-up {@link #poll} last asked for. */
    private Runnable wake = () -> { };
    /**
     * When the stack next wants {@link #poll}: the earliest timer, or a delayed acknowledgement.
     * A scheduling hint for the network thread, read outside the kernel, not protocol state.
     */
    private volatile long wakeAt = Long.MAX_VALUE;
    /** When the acknowledgements a socket call left owed are due; 0 if none is. */
    private long ackDue;
    /** Per socket, during {@link #takeFrames}: whether it owed an acknowledgement before the frames. */
    private final boolean[] owed = new boolean[SOCKETS];
    private final MemorySegment in;
    private final Packet packet = new Packet();

    /**
     * A stack with the addresses of {@code config}, on {@code link}, keeping everything in
     * {@code memory}; {@code isnKey} keys its initial sequence numbers (choose it at random).
     * Its clock is {@link System#nanoTime}.
     */
    public NetStack(NetMemory memory, NetConfig config, Link link, long isnKey) {
        this(memory, config, link, isnKey, System::nanoTime);
    }

    /** The same with a clock of the caller's, in nanoseconds (tests run time faster). */
    NetStack(NetMemory memory, NetConfig config, Link link, long isnKey, LongSupplier clock) {
        this.clock = clock;
        StaticArea tables = memory.tables();
        counters = new Counters(tables);
        iface = new Interface(tables, config);
        wire = new Wire(link, counters);
        in = tables.carve(Ethernet.BUFFER);
        MemorySegment out = tables.carve(Ethernet.BUFFER);
        arp = new Arp(tables, iface, wire, counters);
        ip = new Ipv4(tables, iface, arp, counters);
        icmp = new Icmp(ip, counters, out);
        table = new SocketTable(memory, isnKey);
        udp = new Udp(ip, icmp, table, counters, out, tables.carve(8));
        sender = new TcpSender(ip, counters, out);
        TcpEnd end = new TcpEnd(table);
        tcp = new Tcp(iface, table, sender, end, counters);
        timers = new TcpTimers(sender, end, counters);
        sockets = new Sockets(iface, table, sender, end, udp);
    }

    /** Where callers wait for sockets. */
    public Readiness readiness() {
        return readiness;
    }

    /**
     * Has {@code wake} run whenever {@link #nextWake} becomes earlier (a socket call started a
     * timer, or left an acknowledgement owed), so that the caller of {@code poll} may sleep until then.
     */
    public synchronized void onEarlierTimer(Runnable wake) {
        this.wake = wake;
    }

    /**
     * Takes up to {@link #BATCH} frames from the link and handles them, runs the timers that
     * expired, sends what is owed (acknowledgements, data the windows admit); returns when it
     * wants to run again, on its clock: now if more frames may be waiting, {@link Long#MAX_VALUE}
     * if no timer runs.
     */
    public synchronized long poll() {
        long now = clock.getAsLong();
        readiness.framesTaken();
        int frames = receiveAndAnswer(now, true);
        publish(); // the next wake-up: the earliest timer, or the delayed acknowledgements
        if (frames == BATCH) {
            wakeAt = now;
        }
        return wakeAt;
    }

    /**
     * When the stack next wants {@link #poll}, on its clock ({@link Long#MAX_VALUE}: only when
     * frames arrive). Read without the lock: the network thread reads it outside the kernel.
     */
    public long nextWake() {
        return wakeAt;
    }

    /** Takes up to {@link #BATCH} frames from the link and handles them; returns how many. */
    private int receive(long now) {
        int frames = 0;
        while (frames < BATCH) {
            int n = wire.receive(in);
            if (n < 0) {
                break;
            }
            frames++;
            input(n, now);
        }
        return frames;
    }

    /**
     * At the start of a socket call: takes the frames the device posted, if it posted any since
     * the stack last looked, so that a caller woken by them ({@link Readiness#awaitOrFrames})
     * finds their data in the same kernel entry, and answers them as {@link #poll} does. Timers
     * stay the network thread's.
     */
    private void takeFrames(long now) {
        if (!readiness.framesPending()) {
            return;
        }
        readiness.framesTaken();
        if (receiveAndAnswer(now, false) == BATCH) {
            readiness.framesArrived(); // more may wait: the next entry, the network thread's or a caller's, takes them
            wakeAt = now;
            wake.run();
        }
    }

    /**
     * Takes up to {@link #BATCH} frames, runs the expired timers if {@code runTimers}, and sends
     * what each socket may send. The acknowledgement of a lone segment, on a connection whose
     * user has data to read, waits up to {@link #ACK_DELAY} for the reply to carry it (a delayed
     * ACK, RFC 1122 4.2.3.2): a request and its reply then cost one transmit crossing, not two.
     * A second segment, a FIN, or the delay running out sends it. Returns the frames taken.
     */
    private int receiveAndAnswer(long now, boolean runTimers) {
        for (int i = 0; i < SOCKETS; i++) {
            owed[i] = table.get(i).has(Sock.ACK_NOW);
        }
        boolean acksDue = ackDue != 0 && ackDue - now <= 0;
        int frames = receive(now);
        for (int i = 0; i < SOCKETS; i++) {
            Sock s = table.get(i);
            long deadline = s.getLong(Sock.DEADLINE);
            if (runTimers && s.has(Sock.STREAM) && deadline != 0 && deadline - now <= 0) {
                timers.expire(s, now);
            }
            if (!s.has(Sock.USED) || !s.has(Sock.STREAM)) {
                continue;
            }
            boolean waiting = s.state() == TcpState.ESTABLISHED && s.rx.length() > 0
                    && (owed[i] ? frames == 0 && !acksDue : frames == 1);
            if (waiting) {
                sender.pushDataOnly(s, now); // data going out carries the acknowledgement anyway
            } else {
                sender.push(s, now);
            }
        }
        if (acksDue) {
            ackDue = 0;
        }
        for (int i = 0; i < SOCKETS && ackDue == 0; i++) {
            if (table.get(i).has(Sock.USED) && table.get(i).has(Sock.ACK_NOW)) {
                ackDue = now + ACK_DELAY;
            }
        }
        return frames;
    }

    /** Handles one received frame of {@code len} bytes. */
    private void input(int len, long now) {
        if (len < Ethernet.HEADER) {
            counters.count(Counter.DROP_TRUNCATED);
            return;
        }
        long destination = NetOrder.mac(in, Ethernet.DESTINATION);
        if (destination != iface.mac() && destination != Ethernet.BROADCAST) {
            counters.count(Counter.DROP_NOT_OURS);
            return;
        }
        switch (NetOrder.u16(in, Ethernet.TYPE)) {
            case Ethernet.TYPE_ARP -> arp.input(in, len, now);
            case Ethernet.TYPE_IPV4 -> {
                if (ip.input(in, len, packet)) {
                    switch (packet.protocol) {
                        case Ipv4.PROTOCOL_TCP -> tcp.input(packet, now);
                        case Ipv4.PROTOCOL_UDP -> udp.input(packet, now);
                        case Ipv4.PROTOCOL_ICMP -> icmp.input(packet, now);
                        default -> counters.count(Counter.DROP_PROTOCOL);
                    }
                }
            }
            default -> counters.count(Counter.DROP_ETHERTYPE);
        }
    }

    // ---- socket calls: see Sockets and Sys for their meaning ----

    public synchronized int socket(int type, boolean nonblocking) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.socket(type, nonblocking);
        } finally {
            publish();
        }
    }

    public synchronized void bind(int socket, SockAddr address) {
        takeFrames(clock.getAsLong());
        try {
            sockets.bind(socket, address);
        } finally {
            publish();
        }
    }

    /** Returns the port the socket listens on. */
    public synchronized int listen(int socket, int backlog) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.listen(socket, backlog);
        } finally {
            publish();
        }
    }

    public synchronized int accept(int socket) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.accept(socket);
        } finally {
            publish();
        }
    }

    /** Starts a TCP connection (its outcome: {@link #connected}, or the socket's readiness), or sets a UDP destination. */
    public synchronized void connect(int socket, SockAddr address) {
        takeFrames(clock.getAsLong());
        try {
            sockets.connect(socket, address, clock.getAsLong());
        } finally {
            publish();
        }
    }

    /** Returns quietly once the connection under way is established; else fails with its error or EALREADY. */
    public synchronized void connected(int socket) {
        takeFrames(clock.getAsLong());
        try {
            sockets.connected(socket);
        } finally {
            publish();
        }
    }

    public synchronized long send(int socket, MemorySegment data) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.send(socket, data, clock.getAsLong());
        } finally {
            publish();
        }
    }

    public synchronized long sendto(int socket, MemorySegment data, SockAddr to) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.sendto(socket, data, to, clock.getAsLong());
        } finally {
            publish();
        }
    }

    public synchronized long recv(int socket, MemorySegment into) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.recv(socket, into, clock.getAsLong());
        } finally {
            publish();
        }
    }

    public synchronized Datagram recvfrom(int socket, MemorySegment into) {
        takeFrames(clock.getAsLong());
        try {
            return sockets.recvfrom(socket, into, clock.getAsLong());
        } finally {
            publish();
        }
    }

    public synchronized void shutdown(int socket, int how) {
        takeFrames(clock.getAsLong());
        try {
            sockets.shutdown(socket, how, clock.getAsLong());
        } finally {
            publish();
        }
    }

    public synchronized void close(int socket) {
        takeFrames(clock.getAsLong());
        try {
            sockets.close(socket, clock.getAsLong());
        } finally {
            publish();
        }
    }

    /** Resets a TCP connection at once (as {@code SO_LINGER} 0 does on close); the socket stays open until {@link #close}. */
    public synchronized void abort(int socket) {
        takeFrames(clock.getAsLong());
        try {
            sockets.abort(socket, clock.getAsLong());
        } finally {
            publish();
        }
    }

    public synchronized SockAddr localAddress(int socket) {
        return sockets.localAddress(socket);
    }

    public synchronized SockAddr remoteAddress(int socket) {
        return sockets.remoteAddress(socket);
    }

    /** Whether {@code socket} is an open UDP socket. */
    public synchronized boolean datagram(int socket) {
        return sockets.datagram(socket);
    }

    /** The {@code poll} events of {@code socket} now. */
    public synchronized int events(int socket) {
        if (readiness.framesPending()) {
            takeFrames(clock.getAsLong());
            publish();
        }
        return sockets.events(socket);
    }

    // ---- what the kernel shows and checks ----

    /** The text of {@code /proc/net}: the interface, every counter, the ARP cache, every socket. */
    public synchronized String describe() {
        StringBuilder out = new StringBuilder();
        iface.describe(out);
        counters.describe(out);
        arp.describe(out);
        table.describe(out);
        return out.toString();
    }

    /** The first inconsistency of the socket table, or null. */
    public synchronized String checkInvariants() {
        return table.checkInvariants();
    }

    /** The interface's configuration row, which nothing changes after boot: for the integrity check. */
    public MemorySegment configuration() {
        return iface.memory();
    }

    private void publish() {
        long next = Long.MAX_VALUE;
        boolean acksOwed = false;
        for (int i = 0; i < SOCKETS; i++) {
            Sock s = table.get(i);
            long deadline = s.getLong(Sock.DEADLINE);
            if (deadline != 0 && (next == Long.MAX_VALUE || deadline - next < 0)) {
                next = deadline;
            }
            acksOwed |= s.has(Sock.USED) && s.has(Sock.ACK_NOW);
        }
        if (!acksOwed) {
            ackDue = 0; // a reply carried them
        } else if (ackDue != 0 && (next == Long.MAX_VALUE || ackDue - next < 0)) {
            next = ackDue;
        }
        // the hint follows the stack both ways: a timer stopped, or an acknowledgement sent, spares
        // the network thread an entry; an earlier one wakes it
        long was = wakeAt;
        wakeAt = next;
        if (next != Long.MAX_VALUE && (was == Long.MAX_VALUE || next - was < 0)) {
            wake.run();
        }
        for (int i = 0; i < SOCKETS; i++) {
            int events = sockets.events(i);
            readiness.publish(i, events | (events != Sys.POLLNVAL && sockets.nonblocking(i) ? Readiness.NONBLOCKING : 0), sockets.error(i));
        }
    }
}
