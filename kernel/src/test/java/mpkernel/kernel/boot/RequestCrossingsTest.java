package mpkernel.kernel.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Gate;
import mpkernel.kernel.api.Sys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one request and its reply cost in gate crossings, the way {@code kv-server} serves a
 * {@code GET}: a user task that receives a short request and sends a short reply, on a kernel
 * with the in-process peer, a {@code java.net} client that waits for each reply before it sends
 * the next. Counted are all the kernel's gates, each once (the driver gate is the unsafe gate
 * when there is no {@code DRIVER} domain): the server's {@code recv} and {@code send}, the
 * network thread's entries, and the driver's crossings per frame. Issue 18's target is at most 4:
 * the {@code recv} takes the request's frame in its own entry (one driver crossing), the
 * {@code send} transmits the reply carrying the request's acknowledgement (one more).
 */
class RequestCrossingsTest {

    /** Requests before the count starts: the handshake and the first exchanges settle. */
    private static final int WARMUP = 50;
    /** Requests counted. */
    private static final int COUNTED = 500;
    /**
     * The target, plus room for the scheduler: a request that arrives while the server is
     * descheduled for longer than the network thread leaves it frames is taken by that thread
     * (one entry more). A separate acknowledgement frame, or an entry per request, is a whole
     * crossing per request and fails.
     */
    private static final double MOST = 4.3;

    private Kernel kernel;

    @AfterEach
    void shutdown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void aRequestAndItsReplyCostAtMostFourCrossings() throws IOException, InterruptedException {
        kernel = Kernel.boot(KernelConfig.defaults(Backend.MPROTECT).withConsole(new ByteArrayOutputStream())
                .withUserBytes(64L << 20).withNet(NetSpec.loop(line -> { })));
        Sys sys = kernel.sys();
        int server = TestServers.spawnEcho(kernel, 6379); // each recv's bytes sent back: a request/reply server

        byte[] request = "*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        double perRequest;
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), kernel.network().peer().forwarder().tcpPort())) {
            client.setSoTimeout(30_000);
            client.setTcpNoDelay(true);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            exchange(out, in, request, WARMUP);
            long before = crossings();
            exchange(out, in, request, COUNTED);
            perRequest = (double) (crossings() - before) / COUNTED;
        }
        kernel.isolation().gate(Domain.USER).run(() -> sys.threadJoin(server));
        System.out.printf(java.util.Locale.ROOT, "RequestCrossingsTest: %.3f crossings per request%n", perRequest);
        assertTrue(perRequest <= MOST, "a request and its reply cost " + perRequest + " crossings (at most 4 wanted)");
    }

    /** Sends {@code request} {@code n} times, each after the previous reply (the same bytes, echoed) came back whole. */
    private static void exchange(OutputStream out, InputStream in, byte[] request, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.write(request);
            out.flush();
            assertArrayEquals(request, in.readNBytes(request.length));
        }
    }

    /** Every crossing of the kernel's gates so far, each gate counted once. */
    private long crossings() {
        Gate sys = kernel.syscallGate();
        Gate unsafe = kernel.unsafeGate();
        Gate driver = kernel.driverGate();
        return sys.crossings() + unsafe.crossings() + (driver == unsafe ? 0 : driver.crossings());
    }
}
