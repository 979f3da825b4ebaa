package mpkernel.kernel.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.net.Frames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input: {@value #FRAMES} frames thrown at a kernel on mprotect, through the emulated
 * device as a host would send them, while a program serves an echo connection: random bytes,
 * well-formed frames of every protocol damaged (bits flipped, cut short, lying lengths, half
 * with their checksums made right again), and segments on the live connection with sequence
 * numbers outside its windows. Every frame must be taken, the stack must count its drops,
 * the connection must still echo, and the kernel's integrity check must be clean. The counts
 * are printed.
 */
class NetFuzzTest {

    static final int FRAMES = 10_000;
    private static final int BATCH = 32;

    private Kernel kernel;

    @AfterEach
    void shutdown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void tenThousandBadFramesLeaveTheStackServingAndTheKernelIntact() throws IOException, InterruptedException {
        kernel = Kernel.boot(KernelConfig.defaults(Backend.MPROTECT).withConsole(new ByteArrayOutputStream())
                .withUserBytes(256L << 20).withNet(NetSpec.loop(line -> { })));
        Sys sys = kernel.sys();
        int server = TestServers.spawnEcho(kernel, 7);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), kernel.network().peer().forwarder().tcpPort())) {
            client.setSoTimeout(20_000);
            client.getOutputStream().write('a');
            assertEquals('a', client.getInputStream().read());
            int peerPort = connectionPort();

            SplittableRandom r = new SplittableRandom(17);
            int[] kinds = new int[3];
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                int kind = r.nextInt(10) < 3 ? 0 : r.nextInt(10) < 9 ? 1 : 2;
                kinds[kind]++;
                batch.add(switch (kind) {
                    case 0 -> Frames.random(r);
                    case 1 -> Frames.mutate(Frames.valid(r), r);
                    default -> Frames.segment(r, peerPort, 7);
                });
                if (batch.size() == BATCH || i == FRAMES - 1) {
                    kernel.network().device().deliver(batch);
                    batch = new ArrayList<>();
                    awaitTaken(i + 1);
                }
            }
            Map<String, Long> counts = counters();
            System.out.println("fuzz: " + FRAMES + " frames: " + kinds[0] + " random, " + kinds[1] + " damaged, " + kinds[2]
                    + " segments outside a live connection's windows; " + kernel.network().device().dropped()
                    + " dropped by the device for want of a buffer; the stack counted " + counts);
            assertEquals(0, kernel.network().device().dropped(), "the device had a buffer for every frame");
            assertTrue(counts.get("frames-in") >= FRAMES, "every frame reached the stack: " + counts);
            assertTrue(counts.get("drops") > FRAMES / 2, "most frames were dropped and counted: " + counts);
            assertTrue(counts.get("tcp-out-of-window") + counts.get("tcp-challenge-acks") > kinds[2] / 2, "the live connection's: " + counts);

            byte[] message = "still serving after the fuzz".getBytes(StandardCharsets.US_ASCII);
            client.getOutputStream().write(message);
            client.shutdownOutput();
            assertArrayEquals(message, client.getInputStream().readAllBytes());
        }
        kernel.isolation().gate(Domain.USER).run(() -> sys.threadJoin(server));
        assertEquals(List.of(), kernel.integrity());
        System.out.println("fuzz: afterwards an echo connection was served and the kernel's integrity check is clean");
    }

    /** The host's port of the one established connection to port 7. */
    private int connectionPort() {
        String line = kernel.syscallGate().call(kernel.network().stack()::describe).lines()
                .filter(l -> l.contains(" tcp 10.77.0.2:7 10.77.0.1:") && l.contains("ESTABLISHED")).findFirst().orElseThrow();
        String remote = line.split(" ")[4];
        return Integer.parseInt(remote.substring(remote.indexOf(':') + 1));
    }

    /** Waits until the stack has taken {@code frames} frames of the fuzz (and the few of the peer's). */
    private void awaitTaken(long frames) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (kernel.network().device().completions() < frames || counters().get("frames-in") < frames) {
            assertTrue(System.nanoTime() < deadline, "the stack stopped taking frames at " + counters());
            Thread.sleep(1);
        }
    }

    /** The stack's counters, read inside the kernel (outside it, under mprotect, its memory is closed). */
    private Map<String, Long> counters() {
        Map<String, Long> m = new TreeMap<>();
        kernel.syscallGate().call(kernel.network().stack()::describe).lines().filter(l -> l.matches("[a-z-]+ \\d+"))
                .forEach(l -> m.put(l.substring(0, l.indexOf(' ')), Long.parseLong(l.substring(l.indexOf(' ') + 1))));
        return m;
    }
}
