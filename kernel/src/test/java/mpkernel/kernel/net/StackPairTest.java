package mpkernel.kernel.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack against itself, back to back in this JVM, with simulated time: TCP and UDP end to end, losses included. */
class StackPairTest {

    private static final SockAddr GUEST_ECHO = new SockAddr(NetConfig.GUEST.address(), 7);

    @Test
    void tcpConnectsCarriesBytesBothWaysAndCloses() {
        try (Wired w = new Wired(); Arena arena = Arena.ofConfined()) {
            int listener = w.guest.socket(Sys.SOCK_STREAM, false);
            w.guest.bind(listener, SockAddr.any(7));
            assertEquals(7, w.guest.listen(listener, 4));
            int client = w.host.socket(Sys.SOCK_STREAM, false);
            w.host.connect(client, GUEST_ECHO);
            w.settle(100);
            w.host.connected(client);
            int server = w.guest.accept(listener);
            assertEquals(new SockAddr(NetConfig.HOST.address(), w.host.localAddress(client).port()), w.guest.remoteAddress(server));

            MemorySegment buf = arena.allocate(100);
            buf.setString(0, "ping");
            assertEquals(100, w.host.send(client, buf));
            w.settle(100);
            MemorySegment in = arena.allocate(1000);
            assertEquals(100, w.guest.recv(server, in));
            assertEquals("ping", in.getString(0));
            assertEquals(Errno.EAGAIN, errno(() -> w.guest.recv(server, in)));

            w.guest.send(server, in.asSlice(0, 100));
            w.guest.shutdown(server, Sys.SHUT_WR);
            w.settle(100);
            assertEquals(100, w.host.recv(client, in));
            assertEquals(0, w.host.recv(client, in), "the guest's FIN ends the stream");
            w.host.close(client);
            w.settle(100);
            assertEquals(0, w.guest.recv(server, in));
            w.guest.close(server);
            w.guest.close(listener);
            w.settle(5000);
            assertTrue(w.guest.describe().lines().noneMatch(l -> l.startsWith("socket ")), w.guest.describe());
            assertTrue(w.host.describe().lines().noneMatch(l -> l.startsWith("socket ")), w.host.describe());
            assertNull(w.guest.checkInvariants());
        }
    }

    @Test
    void aClosedPortRefusesAndAnAbortResets() {
        try (Wired w = new Wired(); Arena arena = Arena.ofConfined()) {
            int client = w.host.socket(Sys.SOCK_STREAM, false);
            w.host.connect(client, GUEST_ECHO);
            w.settle(100);
            assertEquals(Errno.ECONNREFUSED, errno(() -> w.host.connected(client)));

            int listener = w.guest.socket(Sys.SOCK_STREAM, false);
            w.guest.bind(listener, SockAddr.any(7));
            w.guest.listen(listener, 4);
            int c2 = w.host.socket(Sys.SOCK_STREAM, false);
            w.host.connect(c2, GUEST_ECHO);
            w.settle(100);
            int server = w.guest.accept(listener);
            w.host.abort(c2);
            w.settle(100);
            MemorySegment in = arena.allocate(10);
            assertEquals(Errno.ECONNRESET, errno(() -> w.guest.recv(server, in)));
            assertEquals(0, w.guest.recv(server, in), "the reset is reported once");
            assertEquals(Errno.EPIPE, errno(() -> w.guest.send(server, in)));
        }
    }

    @Test
    void aMegabyteArrivesIntactThroughTenPercentLoss() {
        try (Wired w = new Wired(); Arena arena = Arena.ofConfined()) {
            w.loss(0.1);
            int listener = w.guest.socket(Sys.SOCK_STREAM, false);
            w.guest.bind(listener, SockAddr.any(9));
            w.guest.listen(listener, 4);
            int client = w.host.socket(Sys.SOCK_STREAM, false);
            w.host.connect(client, new SockAddr(NetConfig.GUEST.address(), 9));
            w.settle(30_000);
            int server = w.guest.accept(listener);
            MemorySegment data = arena.allocate(1 << 20);
            for (int i = 0; i < data.byteSize(); i++) {
                data.set(JAVA_BYTE, i, (byte) (i * 31 + (i >> 10)));
            }
            MemorySegment got = arena.allocate(data.byteSize());
            long sent = 0;
            long received = 0;
            while (received < data.byteSize()) {
                if (sent < data.byteSize()) {
                    try {
                        sent += w.host.send(client, data.asSlice(sent));
                    } catch (SysError e) {
                        assertEquals(Errno.EAGAIN, e.errno());
                    }
                }
                w.settle(20);
                try {
                    received += w.guest.recv(server, got.asSlice(received));
                } catch (SysError e) {
                    assertEquals(Errno.EAGAIN, e.errno());
                }
            }
            assertEquals(crc(data), crc(got));
            assertTrue(w.host.describe().contains("tcp-retransmissions "), w.host.describe());
            assertTrue(counter(w.host, "tcp-retransmissions") > 0, "losses were repaired by retransmission");
        }
    }

    @Test
    void udpDatagramsKeepTheirBoundariesAndClosedPortsAnswerUnreachable() {
        try (Wired w = new Wired(); Arena arena = Arena.ofConfined()) {
            int server = w.guest.socket(Sys.SOCK_DGRAM, false);
            w.guest.bind(server, SockAddr.any(7));
            int client = w.host.socket(Sys.SOCK_DGRAM, false);
            MemorySegment msg = arena.allocate(300);
            msg.setString(0, "one");
            w.host.sendto(client, msg.asSlice(0, 10), GUEST_ECHO);
            w.host.sendto(client, msg.asSlice(0, 300), GUEST_ECHO);
            w.settle(100);
            MemorySegment in = arena.allocate(2000);
            Datagram d = w.guest.recvfrom(server, in);
            assertEquals(10, d.length());
            assertEquals("one", in.getString(0));
            assertEquals(w.host.localAddress(client).port(), d.source().port());
            assertEquals(300, w.guest.recvfrom(server, in).length());
            assertEquals(Errno.EAGAIN, errno(() -> w.guest.recvfrom(server, in)));
            assertEquals(Errno.EMSGSIZE, errno(() -> w.host.sendto(client, arena.allocate(1473), GUEST_ECHO)));

            w.host.sendto(client, msg.asSlice(0, 10), new SockAddr(NetConfig.GUEST.address(), 8));
            w.settle(100);
            assertEquals(1, counter(w.guest, "icmp-port-unreachable-out"));
        }
    }

    @Test
    void aSynFloodFillsNoMoreThanTheBacklogAndTheListenerStillServes() {
        try (Wired w = new Wired(); Arena arena = Arena.ofConfined()) {
            int listener = w.guest.socket(Sys.SOCK_STREAM, false);
            w.guest.bind(listener, SockAddr.any(7));
            w.guest.listen(listener, 2);
            w.host.sendto(w.host.socket(Sys.SOCK_DGRAM, false), arena.allocate(1), new SockAddr(NetConfig.GUEST.address(), 9));
            w.settle(10); // both ends know each other's Ethernet address now
            // the host's handshake answers are lost: every guest connection stays half open
            w.drop(f -> f.length > 47 && (f[47] & 0x10) != 0 && (f[47] & 0x02) == 0);
            for (int i = 0; i < 10; i++) {
                w.host.connect(w.host.socket(Sys.SOCK_STREAM, false), GUEST_ECHO);
            }
            w.settle(10);
            assertTrue(counter(w.guest, "tcp-listen-overflow") >= 8, w.guest.describe());
            // past one retransmission timeout the half-open connections are stale, and evictable
            w.settle(1500);
            w.drop(f -> false);
            int client = w.host.socket(Sys.SOCK_STREAM, false);
            w.host.connect(client, GUEST_ECHO);
            // the flood's own retries still compete for the queue and a server accepts what
            // completes: the client may need a retry too, but gets in
            for (int waited = 0; !connected(w.host, client); waited += 100) {
                assertTrue(waited < 10_000, "not connected within 10 s: " + w.guest.describe());
                w.settle(100);
                while (acceptOne(w.guest, listener)) {
                    // accepted one the flood completed
                }
            }
        }
    }

    @Test
    void aBurstOfClientsLargerThanTheBacklogAllConnectAsTheServerAccepts() {
        try (Wired w = new Wired()) {
            int listener = w.guest.socket(Sys.SOCK_STREAM, false);
            w.guest.bind(listener, SockAddr.any(7));
            w.guest.listen(listener, 2);
            int[] clients = new int[6];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = w.host.socket(Sys.SOCK_STREAM, false);
                w.host.connect(clients[i], GUEST_ECHO);
            }
            int accepted = 0;
            for (int round = 0; round < 100 && accepted < clients.length; round++) {
                w.settle(100);
                while (accepted < clients.length && acceptOne(w.guest, listener)) {
                    accepted++;
                }
            }
            assertEquals(clients.length, accepted, w.guest.describe());
            assertTrue(counter(w.guest, "tcp-listen-overflow") >= 1, "the burst did overflow the backlog");
            for (int c : clients) {
                w.host.connected(c); // none was reset: the SYNs that found the queue full were sent again
            }
        }
    }

    private static boolean connected(NetStack s, int socket) {
        try {
            s.connected(socket);
            return true;
        } catch (SysError e) {
            assertEquals(Errno.EALREADY, e.errno());
            return false;
        }
    }

    private static boolean acceptOne(NetStack s, int listener) {
        try {
            s.accept(listener);
            return true;
        } catch (SysError e) {
            assertEquals(Errno.EAGAIN, e.errno());
            return false;
        }
    }

    static long counter(NetStack s, String name) {
        return s.describe().lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> Long.parseLong(l.substring(name.length() + 1)))
                .findFirst().orElseThrow();
    }

    private static long crc(MemorySegment s) {
        CRC32 c = new CRC32();
        c.update(s.asByteBuffer());
        return c.getValue();
    }

    private static Errno errno(Runnable r) {
        return assertThrows(SysError.class, r::run).errno();
    }
}
