package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * The socket calls, by socket number (a row of the {@link SocketTable}), with POSIX errors.
 * None of them waits: where POSIX would block, they fail with {@link Errno#EAGAIN} and the
 * caller waits for {@link Readiness} outside, then calls again. {@link NetStack} runs them
 * under its lock.
 */
final class Sockets {

    private final Interface iface;
    private final SocketTable table;
    private final TcpSender sender;
    private final TcpEnd end;
    private final Udp udp;

    Sockets(Interface iface, SocketTable table, TcpSender sender, TcpEnd end, Udp udp) {
        this.iface = iface;
        this.table = table;
        this.sender = sender;
        this.end = end;
        this.udp = udp;
    }

    int socket(int type, boolean nonblocking) {
        int kind = switch (type) {
            case Sys.SOCK_STREAM -> Sock.STREAM;
            case Sys.SOCK_DGRAM -> Sock.DGRAM;
            default -> throw new SysError(Errno.EPROTONOSUPPORT, "socket type " + type);
        };
        Sock s = table.allocate(kind);
        if (s == null) {
            throw new SysError(Errno.EMFILE, "all " + SocketTable.SOCKETS + " sockets are in use");
        }
        s.raise(Sock.OPEN | (nonblocking ? Sock.NONBLOCK : 0));
        if (kind == Sock.DGRAM && !table.attachBuffers(s, 0, Tcp.RX_BUFFER)) {
            table.release(s);
            throw new SysError(Errno.ENOBUFS, "no memory for the socket's buffers");
        }
        return s.slot;
    }

    void bind(int slot, SockAddr address) {
        Sock s = open(slot);
        if (s.has(Sock.BOUND)) {
            throw new SysError(Errno.EINVAL, "socket is already bound");
        }
        if (address.address() != 0 && address.address() != iface.address()) {
            throw new SysError(Errno.EADDRNOTAVAIL, SockAddr.format(address.address()) + " is not this host's address");
        }
        if (address.port() != 0 && table.portTaken(kind(s), address.port())) {
            throw new SysError(Errno.EADDRINUSE, "port " + address.port() + " is in use");
        }
        bindTo(s, address.address(), address.port());
    }

    /** Returns the port it listens on. */
    int listen(int slot, int backlog) {
        Sock s = open(slot);
        if (!s.has(Sock.STREAM)) {
            throw new SysError(Errno.EOPNOTSUPP, "listen on a UDP socket");
        }
        if (!s.has(Sock.LISTENING) && (s.state() != TcpState.CLOSED || s.has(Sock.ENDED))) {
            throw new SysError(Errno.EINVAL, "socket is connected");
        }
        if (!s.has(Sock.BOUND)) {
            bindTo(s, 0, 0);
        }
        s.raise(Sock.LISTENING);
        s.state(TcpState.LISTEN);
        s.set(Sock.BACKLOG, Math.clamp(backlog, 1, SocketTable.SOCKETS / 4));
        return s.get(Sock.LOCAL_PORT);
    }

    int accept(int slot) {
        Sock s = open(slot);
        if (!s.has(Sock.LISTENING)) {
            throw new SysError(Errno.EINVAL, "socket is not listening");
        }
        Sock c = table.oldestChild(s, acceptable());
        if (c == null) {
            throw new SysError(Errno.EAGAIN, "no connection to accept");
        }
        c.set(Sock.PARENT, 0);
        c.raise(Sock.OPEN);
        return c.slot;
    }

    /** Starts connecting (TCP: the SYN goes out; the outcome comes later) or sets the default destination (UDP). */
    void connect(int slot, SockAddr to, long now) {
        Sock s = open(slot);
        if (to.address() == 0 || to.port() == 0) {
            throw new SysError(Errno.EADDRNOTAVAIL, "cannot connect to " + to);
        }
        if (s.has(Sock.DGRAM)) {
            autobind(s);
            s.set(Sock.REMOTE_ADDRESS, to.address());
            s.set(Sock.REMOTE_PORT, to.port());
            s.raise(Sock.CONNECTED);
            return;
        }
        takeError(s);
        switch (s.state()) {
            case TcpState.SYN_SENT, TcpState.SYN_RECEIVED -> throw new SysError(Errno.EALREADY, "connecting already");
            case TcpState.LISTEN -> throw new SysError(Errno.EINVAL, "socket is listening");
            case TcpState.CLOSED -> {
                if (s.has(Sock.ENDED)) {
                    throw new SysError(Errno.EINVAL, "the socket's connection has ended");
                }
            }
            default -> throw new SysError(Errno.EISCONN, "socket is connected");
        }
        if (to.address() == iface.address() || !iface.unicast(to.address())) {
            throw new SysError(Errno.ECONNREFUSED, "no loopback here: cannot connect to " + to);
        }
        if (!table.attachBuffers(s, Tcp.TX_BUFFER, Tcp.RX_BUFFER)) {
            throw new SysError(Errno.ENOBUFS, "no memory for the connection's buffers");
        }
        autobind(s);
        s.set(Sock.LOCAL_ADDRESS, iface.address());
        s.set(Sock.REMOTE_ADDRESS, to.address());
        s.set(Sock.REMOTE_PORT, to.port());
        int iss = Isn.next(table.isnKey(), s, now);
        s.set(Sock.ISS, iss);
        s.set(Sock.SND_UNA, iss);
        s.set(Sock.SND_NXT, iss + 1);
        s.set(Sock.SND_MAX, iss + 1);
        s.set(Sock.MSS, TcpSender.DEFAULT_MSS);
        s.state(TcpState.SYN_SENT);
        Rto.reset(s);
        sender.syn(s, now);
        Rto.time(s, iss + 1, now);
        Rto.arm(s, now);
    }

    /** The outcome of a connect under way: quietly if connected, else {@link Errno#EALREADY} or the failure. */
    void connected(int slot) {
        Sock s = open(slot);
        takeError(s);
        if (s.state() == TcpState.SYN_SENT || s.state() == TcpState.SYN_RECEIVED) {
            throw new SysError(Errno.EALREADY, "still connecting");
        }
    }

    long send(int slot, MemorySegment data, long now) {
        Sock s = open(slot);
        if (s.has(Sock.DGRAM)) {
            if (!s.has(Sock.CONNECTED)) {
                throw new SysError(Errno.EDESTADDRREQ, "a UDP socket without a destination: use sendto or connect");
            }
            return sendto(slot, data, new SockAddr(s.get(Sock.REMOTE_ADDRESS), s.get(Sock.REMOTE_PORT)), now);
        }
        takeError(s);
        if (s.has(Sock.ENDED) || s.has(Sock.FIN_QUEUED)) {
            throw new SysError(Errno.EPIPE, "sending is shut down");
        }
        if (s.state() == TcpState.SYN_SENT || s.state() == TcpState.SYN_RECEIVED) {
            throw new SysError(Errno.EAGAIN, "still connecting");
        }
        if (!TcpState.maySend(s.state())) {
            throw new SysError(Errno.ENOTCONN, "socket is not connected");
        }
        if (data.byteSize() == 0) {
            return 0;
        }
        int n = (int) Math.min(s.tx.free(), data.byteSize());
        if (n == 0) {
            throw new SysError(Errno.EAGAIN, "send buffer full");
        }
        s.tx.append(data, 0, n);
        sender.push(s, now);
        return n;
    }

    long sendto(int slot, MemorySegment data, SockAddr to, long now) {
        Sock s = open(slot);
        if (s.has(Sock.STREAM)) {
            return send(slot, data, now); // the destination is the connection's, as on Linux
        }
        if (s.has(Sock.FIN_QUEUED)) {
            throw new SysError(Errno.EPIPE, "sending is shut down");
        }
        if (data.byteSize() > Udp.MAX_PAYLOAD) {
            throw new SysError(Errno.EMSGSIZE, data.byteSize() + " bytes do not fit in one datagram (at most " + Udp.MAX_PAYLOAD + ")");
        }
        if (to.address() == 0 || to.port() == 0) {
            throw new SysError(Errno.EINVAL, "cannot send to " + to);
        }
        autobind(s);
        udp.send(s, data, to, now); // a busy link drops it, as UDP may
        return data.byteSize();
    }

    long recv(int slot, MemorySegment into, long now) {
        Sock s = open(slot);
        if (s.has(Sock.DGRAM)) {
            return recvfrom(slot, into, now).length();
        }
        if (s.has(Sock.LISTENING)) {
            throw new SysError(Errno.ENOTCONN, "socket is listening");
        }
        int queued = s.rx.address() == 0 ? 0 : s.rx.length();
        if (queued > 0) {
            int n = (int) Math.min(queued, into.byteSize());
            s.rx.copyOut(0, into, 0, n);
            s.rx.consume(n);
            updateWindow(s, now);
            return n;
        }
        takeError(s);
        if (s.has(Sock.FIN_IN) || s.has(Sock.SHUT_RD) || s.has(Sock.ENDED)) {
            return 0;
        }
        if (s.state() == TcpState.CLOSED) {
            throw new SysError(Errno.ENOTCONN, "socket is not connected");
        }
        throw new SysError(Errno.EAGAIN, "no data");
    }

    Datagram recvfrom(int slot, MemorySegment into, long now) {
        Sock s = open(slot);
        if (s.has(Sock.STREAM)) {
            long n = recv(slot, into, now);
            return new Datagram(n, new SockAddr(s.get(Sock.REMOTE_ADDRESS), s.get(Sock.REMOTE_PORT)));
        }
        if (Udp.readable(s)) {
            return udp.receive(s, into);
        }
        if (s.has(Sock.SHUT_RD)) {
            return new Datagram(0, SockAddr.any(0));
        }
        throw new SysError(Errno.EAGAIN, "no datagram");
    }

    void shutdown(int slot, int how, long now) {
        Sock s = open(slot);
        if (how != Sys.SHUT_RD && how != Sys.SHUT_WR && how != Sys.SHUT_RDWR) {
            throw new SysError(Errno.EINVAL, "shutdown how " + how);
        }
        if (s.has(Sock.STREAM) && !TcpState.synchronizedState(s.state())) {
            throw new SysError(Errno.ENOTCONN, "socket is not connected");
        }
        if (how != Sys.SHUT_WR) {
            s.raise(Sock.SHUT_RD);
            if (s.rx.address() != 0) {
                s.rx.consume(s.rx.length());
            }
        }
        if (how != Sys.SHUT_RD && !s.has(Sock.FIN_QUEUED)) {
            s.raise(Sock.FIN_QUEUED);
            if (s.has(Sock.STREAM)) {
                finish(s, now);
            }
        }
    }

    /** Closes the descriptor; a TCP connection ends in the background (FIN), or at once (RST) if received data was left unread. */
    void close(int slot, long now) {
        Sock s = open(slot);
        s.lower(Sock.OPEN);
        if (s.has(Sock.DGRAM)) {
            table.release(s);
            return;
        }
        if (s.has(Sock.LISTENING)) {
            Sock c;
            while ((c = table.oldestChild(s, -1)) != null) {
                if (TcpState.synchronizedState(c.state())) {
                    sender.abort(c, now);
                }
                table.release(c);
            }
            table.release(s);
            return;
        }
        int state = s.state();
        boolean unread = s.rx.address() != 0 && s.rx.length() > 0;
        if (state == TcpState.CLOSED || state == TcpState.SYN_SENT || (unread && TcpState.synchronizedState(state))) {
            if (unread && state != TcpState.CLOSED) {
                sender.abort(s, now);
            }
            table.release(s);
            return;
        }
        if (!s.has(Sock.FIN_QUEUED)) {
            s.raise(Sock.FIN_QUEUED);
            finish(s, now);
        } else if (state == TcpState.FIN_WAIT_2) {
            end.finWait2(s, now); // now abandoned: give the peer a limited time
        } else if (state == TcpState.TIME_WAIT) {
            table.detachBuffers(s);
        }
    }

    /** Resets a TCP connection now (RST to the peer, whatever is queued is dropped); the descriptor stays open. */
    void abort(int slot, long now) {
        Sock s = open(slot);
        if (!s.has(Sock.STREAM) || s.has(Sock.LISTENING)) {
            return;
        }
        if (TcpState.synchronizedState(s.state())) {
            sender.abort(s, now);
        }
        if (s.state() != TcpState.CLOSED || !s.has(Sock.ENDED)) {
            s.state(TcpState.CLOSED);
            s.raise(Sock.ENDED);
            Rto.stop(s);
            table.detachBuffers(s);
        }
    }

    SockAddr localAddress(int slot) {
        Sock s = open(slot);
        return new SockAddr(s.get(Sock.LOCAL_ADDRESS), s.get(Sock.LOCAL_PORT));
    }

    SockAddr remoteAddress(int slot) {
        Sock s = open(slot);
        boolean connected = s.has(Sock.DGRAM) ? s.has(Sock.CONNECTED) : TcpState.synchronizedState(s.state());
        if (!connected) {
            throw new SysError(Errno.ENOTCONN, "socket is not connected");
        }
        return new SockAddr(s.get(Sock.REMOTE_ADDRESS), s.get(Sock.REMOTE_PORT));
    }

    /** Whether {@code slot} is a socket that never waits. */
    boolean nonblocking(int slot) {
        return table.get(slot).has(Sock.NONBLOCK);
    }

    /** Whether {@code slot} is an open UDP socket. */
    boolean datagram(int slot) {
        return open(slot).has(Sock.DGRAM);
    }

    /** The {@code poll} events of socket {@code slot} now ({@link Sys#POLLNVAL} if it is not open). */
    int events(int slot) {
        Sock s = table.get(slot);
        if (!s.has(Sock.USED) || !s.has(Sock.OPEN)) {
            return Sys.POLLNVAL;
        }
        int events = s.get(Sock.ERROR) != 0 ? Sys.POLLERR : 0;
        if (s.has(Sock.DGRAM)) {
            return events | (Udp.readable(s) ? Sys.POLLIN : 0) | Sys.POLLOUT;
        }
        if (s.has(Sock.LISTENING)) {
            return events | (table.oldestChild(s, acceptable()) != null ? Sys.POLLIN : 0);
        }
        if ((s.rx.address() != 0 && s.rx.length() > 0) || s.has(Sock.FIN_IN) || s.has(Sock.SHUT_RD)) {
            events |= Sys.POLLIN;
        }
        if (TcpState.maySend(s.state()) && !s.has(Sock.FIN_QUEUED) && s.tx.free() > 0) {
            events |= Sys.POLLOUT;
        }
        if (s.has(Sock.ENDED) || (s.has(Sock.FIN_IN) && s.has(Sock.FIN_QUEUED))) {
            events |= Sys.POLLHUP | Sys.POLLIN;
        }
        if (s.state() == TcpState.CLOSED) {
            events |= Sys.POLLOUT | Sys.POLLHUP; // not connected: every call fails at once, as on Linux
        }
        return events;
    }

    /** The error number pending on socket {@code slot}, 0 if none. */
    int error(int slot) {
        return table.get(slot).get(Sock.ERROR);
    }

    /** Our side's FIN: after the queued data, and the state that follows (RFC 9293's CLOSE call). */
    private void finish(Sock s, long now) {
        switch (s.state()) {
            case TcpState.SYN_RECEIVED, TcpState.ESTABLISHED -> s.state(TcpState.FIN_WAIT_1);
            case TcpState.CLOSE_WAIT -> s.state(TcpState.LAST_ACK);
            default -> {
                // already closing
            }
        }
        sender.push(s, now);
    }

    /** After the user read: tells the peer the window reopened, if it was nearly shut. */
    private void updateWindow(Sock s, long now) {
        int quarter = s.rx.size() / 4;
        if (s.get(Sock.RCV_WND) < quarter && TcpSender.window(s) >= 2 * quarter && TcpState.synchronizedState(s.state())) {
            sender.ack(s, now);
        }
    }

    private Sock open(int slot) {
        Sock s = slot >= 0 && slot < SocketTable.SOCKETS ? table.get(slot) : null;
        if (s == null || !s.has(Sock.USED) || !s.has(Sock.OPEN)) {
            throw new SysError(Errno.EBADF, "not an open socket");
        }
        return s;
    }

    private void autobind(Sock s) {
        if (!s.has(Sock.BOUND)) {
            bindTo(s, 0, 0);
        }
    }

    private void bindTo(Sock s, int address, int port) {
        int p = port != 0 ? port : table.ephemeralPort(kind(s));
        if (p == 0) {
            throw new SysError(Errno.EADDRINUSE, "no ephemeral port left");
        }
        s.set(Sock.LOCAL_ADDRESS, address);
        s.set(Sock.LOCAL_PORT, p);
        s.raise(Sock.BOUND);
    }

    /** Throws the socket's pending error, clearing it (as {@code SO_ERROR} does). */
    private static void takeError(Sock s) {
        int e = s.get(Sock.ERROR);
        if (e != 0) {
            s.set(Sock.ERROR, 0);
            throw ConnectionFailure.of(Readiness.errno(e));
        }
    }

    private static int kind(Sock s) {
        return s.has(Sock.STREAM) ? Sock.STREAM : Sock.DGRAM;
    }

    /** The states of a connection {@code accept} may return, as state bits. */
    private static int acceptable() {
        return 1 << TcpState.ESTABLISHED | 1 << TcpState.CLOSE_WAIT;
    }
}
