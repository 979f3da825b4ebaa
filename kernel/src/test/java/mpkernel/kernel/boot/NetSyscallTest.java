package mpkernel.kernel.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The socket system calls on a kernel with the in-process peer ({@code --net loop}), on the
 * mprotect backend: one crossing each, POSIX errors, and real traffic with a {@code java.net}
 * client through the peer's port forwarding: echo, a refused connection, a reset reported as
 * ECONNRESET; the integrity check clean after each.
 */
class NetSyscallTest {

    private static final SockAddr PEER = SockAddr.of("10.77.0.1", 9);
    /**
     * An address on the link that no one answers (its ARP request goes unanswered): a
     * connection to it stays in progress, whereas the peer's refusal could arrive, and be taken
     * by the very socket call that expects EAGAIN, at any moment.
     */
    private static final SockAddr SILENT = SockAddr.of("10.77.0.99", 9);

    private Kernel kernel;
    private Sys sys;
    private final List<String> announced = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void boot(NetSpec net) {
        kernel = Kernel.boot(KernelConfig.defaults(Backend.MPROTECT).withConsole(new ByteArrayOutputStream())
                .withUserBytes(256L << 20).withNet(net));
        sys = kernel.sys();
    }

    private void bootLoop() {
        boot(NetSpec.loop(announced::add));
    }

    @AfterEach
    void shutdown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** Runs {@code body} as user code: inside the USER gate. */
    private <T> T asUser(Supplier<T> body) {
        return kernel.isolation().gate(Domain.USER).call(body);
    }

    /** Starts {@code body} as a user task; returns its id, to join as user code. */
    private int task(Runnable body) {
        return asUser(() -> sys.threadSpawn(body));
    }

    @Test
    void everySocketCallIsOneCrossingWithPosixErrors() throws InterruptedException {
        bootLoop();
        kernel.network().daemon().stop(); // its own crossings of the same gate would blur the count
        Gate gate = kernel.syscallGate();
        asUser(() -> {
            MemorySegment buf = sys.malloc(64);
            int[] fd = new int[4];
            assertEquals(1, crossings(gate, () -> fd[0] = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0)));
            assertEquals(1, crossings(gate, () -> sys.bind(fd[0], SockAddr.any(7))));
            assertEquals(1, crossings(gate, () -> sys.listen(fd[0], 4)));
            assertEquals(7, sys.getsockname(fd[0]).port());
            assertEquals(1, crossings(gate, () -> sys.getsockname(fd[0])));
            fd[1] = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK, 0);
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.EINVAL, errno(() -> sys.accept(fd[1])))));
            fd[2] = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK, 0);
            sys.bind(fd[2], SockAddr.any(8));
            sys.listen(fd[2], 1);
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.EAGAIN, errno(() -> sys.accept(fd[2])))));
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.EINPROGRESS, errno(() -> sys.connect(fd[1], SILENT)))));
            assertEquals(Errno.EALREADY, errno(() -> sys.connect(fd[1], SILENT)));
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.EAGAIN, errno(() -> sys.send(fd[1], buf, 0)))));
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.EAGAIN, errno(() -> sys.recv(fd[1], buf, 0)))));
            fd[3] = sys.socket(Sys.AF_INET, Sys.SOCK_DGRAM, 0);
            assertEquals(1, crossings(gate, () -> sys.sendto(fd[3], buf.asSlice(0, 8), 0, PEER)));
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.EAGAIN, errno(() -> sys.recvfrom(fd[3], buf, Sys.MSG_DONTWAIT)))));
            MemorySegment polls = sys.malloc(2L * Sys.POLLFD_BYTES);
            pollFd(polls, 0, fd[0], Sys.POLLIN);
            pollFd(polls, 1, fd[3], Sys.POLLOUT);
            assertEquals(1, crossings(gate, () -> assertEquals(1, sys.poll(polls, 2, 0))));
            assertEquals(Sys.POLLOUT, polls.get(JAVA_SHORT_UNALIGNED, Sys.POLLFD_BYTES + 6));
            assertEquals(1, crossings(gate, () -> sys.shutdown(fd[3], Sys.SHUT_RDWR)));
            assertEquals(1, crossings(gate, () -> assertEquals(Errno.ENOTCONN, errno(() -> sys.getpeername(fd[3])))));
            for (int f : fd) {
                assertEquals(1, crossings(gate, () -> sys.close(f)));
            }

            assertEquals(Errno.EBADF, errno(() -> sys.close(fd[0])));
            assertEquals(Errno.EAFNOSUPPORT, errno(() -> sys.socket(10, Sys.SOCK_STREAM, 0)));
            assertEquals(Errno.EPROTONOSUPPORT, errno(() -> sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 17)));
            assertEquals(Errno.ENOTSOCK, errno(() -> sys.recv(Sys.STDOUT, buf, 0)));
            int a = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
            int b = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
            sys.bind(a, SockAddr.any(7000));
            sys.listen(a, 1);
            assertEquals(Errno.EADDRINUSE, errno(() -> sys.bind(b, SockAddr.any(7000))));
            assertEquals(Errno.EADDRNOTAVAIL, errno(() -> sys.bind(b, SockAddr.of("10.1.2.3", 7001))));
            assertEquals(Errno.ENOTCONN, errno(() -> sys.recv(b, buf, 0)));
            assertEquals(Errno.EINVAL, errno(() -> sys.shutdown(a, 3)));
            assertEquals(Errno.EFAULT, errno(() -> sys.send(b, MemorySegment.ofArray(new byte[8]), 0)));
            int u = sys.socket(Sys.AF_INET, Sys.SOCK_DGRAM, 0);
            assertEquals(Errno.EMSGSIZE, errno(() -> sys.sendto(u, sys.malloc(1473), 0, PEER)));
            assertEquals(Errno.EDESTADDRREQ, errno(() -> sys.send(u, buf, 0)));
            return null;
        });
        assertEquals(List.of(), kernel.integrity());
    }

    @Test
    void withoutANetworkThereAreNoSockets() {
        boot(NetSpec.NONE);
        assertEquals(Errno.EAFNOSUPPORT, asUser(() -> errno(() -> sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0))));
        assertEquals(Errno.ENOENT, asUser(() -> errno(() -> sys.open("/proc/net", Sys.O_RDONLY))));
    }

    @Test
    void aJavaNetClientIsEchoedThroughTheForwarder() throws IOException {
        bootLoop();
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        int server = task(() -> TestServers.echo(sys, TestServers.acceptOne(sys, 7, listening)));
        await(listening);
        awaitAnnouncement();
        assertTrue(announced.getFirst().matches("net: loop, guest 10\\.77\\.0\\.2, host 10\\.77\\.0\\.1, port 7, tcp forwarded from 127\\.0\\.0\\.1:\\d+"),
                announced.getFirst());
        byte[] message = new byte[200_000];
        new java.util.Random(3).nextBytes(message);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), forwardedPort())) {
            client.setSoTimeout(30_000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    out.write(message);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertArrayEquals(message, in.readAllBytes());
            join(writer);
        }
        asUser(() -> {
            sys.threadJoin(server);
            return null;
        });
        String proc = asUser(() -> readFile("/proc/net"));
        assertTrue(proc.contains("interface eth0 mac 026d706b0002 address 10.77.0.2/24"), proc);
        assertTrue(proc.lines().anyMatch(l -> l.matches("frames-in [1-9]\\d*")), proc);
        assertEquals(List.of(), kernel.integrity());
    }

    @Test
    void aRefusedConnectionAndAResetAreErrnos() throws IOException {
        bootLoop();
        assertEquals(Errno.ECONNREFUSED, asUser(() -> errno(() -> sys.connect(sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0), PEER))));
        AtomicReference<Errno> seen = new AtomicReference<>();
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        int server = task(() -> {
            int c = TestServers.acceptOne(sys, 9, listening);
            MemorySegment buf = sys.malloc(4096);
            try {
                while (sys.recv(c, buf, 0) > 0) {
                    // drain until the reset
                }
            } catch (SysError e) {
                seen.set(e.errno());
            }
        });
        await(listening);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), forwardedPort())) {
            client.getOutputStream().write(new byte[10_000]);
            client.getOutputStream().flush();
            sleep(300);
            client.setSoLinger(true, 0); // close with a reset, mid-stream
        }
        asUser(() -> {
            sys.threadJoin(server);
            return null;
        });
        assertEquals(Errno.ECONNRESET, seen.get());
        assertEquals(List.of(), kernel.integrity());
    }

    private String readFile(String path) {
        int fd = sys.open(path, Sys.O_RDONLY);
        MemorySegment buf = sys.malloc(65536);
        long n = sys.read(fd, buf);
        sys.close(fd);
        return new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
    }

    private int forwardedPort() {
        return kernel.network().peer().forwarder().tcpPort();
    }

    private void awaitAnnouncement() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (announced.isEmpty() && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertEquals(1, announced.size(), "one announcement");
    }

    private static long crossings(Gate gate, Runnable call) {
        long before = gate.crossings();
        call.run();
        return gate.crossings() - before;
    }

    private static void pollFd(MemorySegment polls, int i, int fd, short events) {
        polls.set(JAVA_INT_UNALIGNED, (long) i * Sys.POLLFD_BYTES, fd);
        polls.set(JAVA_SHORT_UNALIGNED, (long) i * Sys.POLLFD_BYTES + 4, events);
    }

    private static Errno errno(Runnable r) {
        return assertThrows(SysError.class, r::run).errno();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, java.util.concurrent.TimeUnit.SECONDS), "the server did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
