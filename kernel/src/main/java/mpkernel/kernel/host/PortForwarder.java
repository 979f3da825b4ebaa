package mpkernel.kernel.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.net.NetStack;

/**
 * Port forwarding from the real host's loopback to the guest, through the loop peer's stack
 * (what QEMU's user-mode networking does with {@code hostfwd}): each TCP connection accepted
 * on {@code 127.0.0.1:}{@link #tcpPort} becomes a connection of the peer to the port the guest
 * program listens on, relayed both ways ({@link TcpRelay}); UDP datagrams to
 * {@code 127.0.0.1:}{@link #udpPort} go to the guest's UDP port, and its answers back to the
 * last sender. The host sockets are opened when the forwarder is made (at boot, before the
 * kernel process confines itself); accepting and relaying need only the sockets it has.
 */
public final class PortForwarder {

    private static final int DATAGRAM = 2048;

    private final NetStack peer;
    private final int guest;
    private final Function<Runnable, Thread> threads;
    private final ServerSocketChannel tcp;
    private final DatagramChannel udp;
    private final List<Thread> running = new CopyOnWriteArrayList<>();
    private final List<TcpRelay> relays = new CopyOnWriteArrayList<>();
    private volatile int guestTcpPort;
    private volatile int guestUdpPort;
    private volatile SocketAddress lastUdpSender;
    private int udpSocket = -1;

    private PortForwarder(NetStack peer, int guest, Function<Runnable, Thread> threads, ServerSocketChannel tcp, DatagramChannel udp) {
        this.peer = peer;
        this.guest = guest;
        this.threads = threads;
        this.tcp = tcp;
        this.udp = udp;
    }

    /**
     * A forwarder to {@code guest} (an IPv4 address) through {@code peer}, listening on
     * ephemeral loopback ports now.
     *
     * @throws IllegalStateException if the loopback cannot be used (it is down, say)
     */
    static PortForwarder open(NetStack peer, int guest, Function<Runnable, Thread> threads) {
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            ServerSocketChannel tcp = ServerSocketChannel.open().bind(loopback);
            DatagramChannel udp = DatagramChannel.open().bind(loopback);
            warmUp(tcp, udp);
            return new PortForwarder(peer, guest, threads, tcp, udp);
        } catch (IOException e) {
            throw new IllegalStateException("--net loop cannot use the host's loopback (127.0.0.1): " + e.getMessage(), e);
        }
    }

    /**
     * Runs every socket path once, with a connection and a datagram to itself: what the JDK
     * opens lazily (native libraries, configuration files) is open before the kernel process
     * confines itself.
     */
    private static void warmUp(ServerSocketChannel tcp, DatagramChannel udp) throws IOException {
        try (SocketChannel client = SocketChannel.open(tcp.getLocalAddress()); SocketChannel server = tcp.accept()) {
            client.write(ByteBuffer.wrap(new byte[] {1}));
            server.read(ByteBuffer.allocate(1));
            server.shutdownOutput();
            client.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        }
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.send(ByteBuffer.wrap(new byte[] {1}), udp.getLocalAddress());
            udp.receive(ByteBuffer.allocate(1));
        }
    }

    /** The loopback port TCP clients connect to. */
    public int tcpPort() {
        return port(tcp.socket().getLocalSocketAddress());
    }

    /** The loopback port UDP clients send to. */
    public int udpPort() {
        return port(udp.socket().getLocalSocketAddress());
    }

    /** Forwards TCP to the guest's {@code port} from now on. */
    public void forwardTcp(int port) {
        guestTcpPort = port;
    }

    /** Forwards UDP to the guest's {@code port} from now on. */
    public void forwardUdp(int port) {
        guestUdpPort = port;
    }

    void start() {
        spawn(this::acceptConnections);
        spawn(this::relayDatagramsToGuest);
        spawn(this::relayDatagramsToHost);
    }

    void close() {
        try {
            tcp.close();
            udp.close();
        } catch (IOException ignored) {
            // closing
        }
        relays.forEach(TcpRelay::abort);
        for (Thread t : running) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acceptConnections() {
        while (tcp.isOpen()) {
            SocketChannel host;
            try {
                host = tcp.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (guestTcpPort == 0) {
                refuse(host); // the guest listens on nothing yet
                continue;
            }
            TcpRelay relay = new TcpRelay(peer, host, new SockAddr(guest, guestTcpPort));
            relays.add(relay);
            spawn(() -> {
                relay.run(this::spawn);
                relays.remove(relay);
            });
        }
    }

    private void relayDatagramsToGuest() {
        ByteBuffer buffer = ByteBuffer.allocate(DATAGRAM);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(DATAGRAM);
            int socket = peerUdpSocket();
            while (udp.isOpen()) {
                buffer.clear();
                SocketAddress from = udp.receive(buffer);
                if (from == null || guestUdpPort == 0) {
                    continue;
                }
                lastUdpSender = from;
                buffer.flip();
                int n = Math.min(buffer.remaining(), DATAGRAM);
                MemorySegment.copy(MemorySegment.ofBuffer(buffer), 0, data, 0, n);
                try {
                    peer.sendto(socket, data.asSlice(0, n), new SockAddr(guest, guestUdpPort));
                } catch (SysError e) {
                    // too large, or the peer's table is full: dropped, as UDP may
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void relayDatagramsToHost() {
        int socket = peerUdpSocket();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(DATAGRAM);
            while (udp.isOpen()) {
                if ((peer.readiness().await(socket, Sys.POLLIN, System.nanoTime() + 500_000_000L) & Sys.POLLIN) == 0) {
                    continue;
                }
                Datagram d;
                try {
                    d = peer.recvfrom(socket, data);
                } catch (SysError e) {
                    if (e.errno() == Errno.EAGAIN) {
                        continue;
                    }
                    return;
                }
                SocketAddress to = lastUdpSender;
                if (to != null) {
                    udp.send(data.asSlice(0, d.length()).asByteBuffer(), to);
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The peer's one UDP socket, made on first use. */
    private synchronized int peerUdpSocket() {
        if (udpSocket < 0) {
            udpSocket = peer.socket(Sys.SOCK_DGRAM, false);
            peer.bind(udpSocket, SockAddr.any(0));
        }
        return udpSocket;
    }

    private void spawn(Runnable task) {
        Thread t = threads.apply(() -> {
            try {
                task.run();
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        t.setDaemon(true);
        running.add(t);
        t.start();
    }

    private static void refuse(SocketChannel host) {
        try (host) {
            host.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException ignored) {
            // gone already
        }
    }

    private static int port(SocketAddress address) {
        return ((InetSocketAddress) address).getPort();
    }
}
