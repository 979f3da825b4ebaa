package mpkernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network's interop scenarios: each is one {@code ./mpk run --net ...} of a network
 * program, played against from the host's side with the real Linux stack (TAP) or through the
 * loop peer's forwarding: {@code ping}, plain {@code java.net} clients and servers, {@code nc}
 * and {@code socat}. {@link NetInteropTest} runs them on none, mprotect and mpk. Each throws
 * {@link AssertionError} when the run misbehaves.
 */
final class NetScenarios {

    static final String GUEST = "10.77.0.2";
    static final String HOST = "10.77.0.1";
    private static final Pattern SHA = Pattern.compile("sha256 ([0-9a-f]{64})");

    private NetScenarios() {
    }

    /**
     * {@code tcp-echo} over TAP: {@code ping} gets replies; a {@code java.net} client's
     * {@code bytes} come back intact; a closed port refuses; with {@code tools}, {@code nc}
     * and {@code socat} are echoed too.
     */
    static void echoOverTap(String backend, int bytes, boolean tools) throws Exception {
        int clients = tools ? 3 : 1;
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "tap", "tcp-echo", "7", Integer.toString(clients))) {
            String ns = run.namespace();
            assertEquals(7, run.port(), run.output());
            HostTools.Result ping = HostTools.inNamespace(ns, pingCommand(), new byte[0], 30);
            assertEquals(0, ping.status(), ping.output());
            assertTrue(ping.output().contains("2 received") || ping.output().contains("2 packets received"), ping.output());

            byte[] data = pattern(bytes, 1);
            assertArrayEquals(data, Netns.call(ns, () -> echo(new InetSocketAddress(GUEST, 7), data)));
            assertThrows(ConnectException.class, () -> Netns.call(ns, () -> {
                new Socket(GUEST, 8).close();
                return null;
            }), "a closed port refuses");
            if (tools) {
                HostTools.Result nc = HostTools.inNamespace(ns, List.of("nc", "-q", "2", GUEST, "7"), bytes("hello from nc\n"), 30);
                assertEquals("hello from nc\n", nc.output());
                HostTools.Result socat = HostTools.inNamespace(ns, List.of("socat", "-t", "2", "-", "TCP:" + GUEST + ":7"),
                        bytes("hello from socat\n"), 30);
                assertEquals("hello from socat\n", socat.output());
            }
            CliHarness.Outcome o = run.finish();
            assertClean(0, o);
            assertTrue(o.out().contains("echoed " + bytes + " bytes"), o.out());
        }
    }

    /**
     * {@code tcp-sink} over TAP: a {@code java.net} client's {@code bytes} arrive with the same
     * SHA-256; a second client that resets mid-stream is reported by the program as ECONNRESET.
     */
    static void sinkOverTap(String backend, long bytes) throws Exception {
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "tap", "tcp-sink", "9", "2")) {
            String ns = run.namespace();
            String sent = Netns.call(ns, () -> stream(new InetSocketAddress(GUEST, 9), bytes));
            run.awaitOutput("sent " + bytes + " bytes");
            Netns.call(ns, () -> {
                try (Socket s = new Socket(GUEST, 9)) {
                    s.getOutputStream().write(new byte[100_000]);
                    s.getOutputStream().flush();
                    Thread.sleep(300);
                    s.setSoLinger(true, 0); // the close resets the connection
                }
                return null;
            });
            CliHarness.Outcome o = run.finish();
            assertClean(1, o);
            assertEquals(sent, sha(o.out(), "sent " + bytes + " bytes"), o.out());
            assertTrue(Pattern.compile("tcp-sink: 10\\.77\\.0\\.1:\\d+ failed after \\d+ bytes: ECONNRESET \\(").matcher(o.out()).find(), o.out());
        }
    }

    /** {@code udp-echo} over TAP: three datagrams from a {@code java.net} socket, the largest 1472 bytes, come back. */
    static void udpOverTap(String backend) throws Exception {
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "tap", "udp-echo", "7", "3")) {
            String ns = run.namespace();
            Netns.call(ns, () -> {
                udpEcho(new InetSocketAddress(GUEST, 7), 1, 100, 1472);
                return null;
            });
            assertClean(0, run.finish());
        }
    }

    /**
     * {@code tcp-send} over TAP to a {@code java.net} server in the namespace (started once the
     * run has made it; the program retries until it listens): the stream arrives with the SHA-256
     * the program printed.
     */
    static void sendOverTap(String backend, long bytes) throws Exception {
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "tap", "tcp-send", HOST, "9", Long.toString(bytes), "60")) {
            String ns = run.namespace();
            String received = Netns.call(ns, () -> {
                try (ServerSocket server = new ServerSocket(9, 1, InetAddress.getByName(HOST)); Socket s = server.accept()) {
                    return sha256(s.getInputStream(), bytes);
                }
            });
            CliHarness.Outcome o = run.finish();
            assertClean(0, o);
            assertEquals(received, sha(o.out(), "tcp-send: sent " + bytes + " bytes"), o.out());
        }
    }

    /**
     * The loop peer: {@code tcp-echo} echoes a {@code java.net} client on the forwarded loopback
     * port, {@code udp-echo} a datagram, and {@code tcp-send} to the peer, where nothing
     * listens, is refused with ECONNREFUSED.
     */
    static void overLoop(String backend, int bytes) throws Exception {
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "loop", "tcp-echo", "7", "1")) {
            byte[] data = pattern(bytes, 2);
            assertArrayEquals(data, echo(new InetSocketAddress(InetAddress.getLoopbackAddress(), run.forwardedPort()), data));
            assertClean(0, run.finish());
        }
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "loop", "udp-echo", "7", "1")) {
            udpEcho(new InetSocketAddress(InetAddress.getLoopbackAddress(), run.forwardedPort()), 512);
            assertClean(0, run.finish());
        }
        CliHarness.Outcome refused = CliHarness.mpk("run", "--backend", backend, "--net", "loop", "tcp-send", HOST, "9", "1000");
        assertEquals(1, refused.status(), refused.out());
        assertTrue(refused.out().contains("tcp-send: " + HOST + ":9: ECONNREFUSED (connection refused)"), refused.out());
    }

    /** Sends {@code data} and reads the echo until the server closes. */
    private static byte[] echo(InetSocketAddress to, byte[] data) throws IOException, InterruptedException {
        try (Socket s = new Socket()) {
            s.connect(to, 20_000);
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    out.write(data);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] back = s.getInputStream().readAllBytes();
            writer.join();
            return back;
        }
    }

    /** Sends {@code bytes} of a fixed stream and closes; returns their SHA-256. */
    private static String stream(InetSocketAddress to, long bytes) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = pattern(64 * 1024, 3);
        try (Socket s = new Socket()) {
            s.connect(to, 20_000);
            OutputStream out = s.getOutputStream();
            for (long sent = 0; sent < bytes; ) {
                int n = (int) Math.min(chunk.length, bytes - sent);
                out.write(chunk, 0, n);
                digest.update(chunk, 0, n);
                sent += n;
            }
            s.shutdownOutput();
            s.getInputStream().readAllBytes();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void udpEcho(InetSocketAddress to, int... sizes) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(20_000);
            for (int size : sizes) {
                byte[] data = pattern(size, size);
                socket.send(new DatagramPacket(data, data.length, to));
                DatagramPacket back = new DatagramPacket(new byte[2048], 2048);
                socket.receive(back);
                assertArrayEquals(data, java.util.Arrays.copyOf(back.getData(), back.getLength()), "datagram of " + size + " bytes");
            }
        }
    }

    private static String sha256(InputStream in, long expected) throws IOException {
        MessageDigest digest = sha256();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            digest.update(buf, 0, n);
            total += n;
        }
        assertEquals(expected, total, "bytes received");
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The checksum on the line of {@code out} that contains {@code marker}. */
    private static String sha(String out, String marker) {
        String line = out.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow(() -> new AssertionError("no '" + marker + "' in\n" + out));
        Matcher m = SHA.matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    /** Exit status {@code status}, and nothing the launcher reports as wrong with the kernel. */
    private static void assertClean(int status, CliHarness.Outcome o) {
        assertEquals(status, o.status(), o.out());
        assertFalse(o.out().contains("CORRUPTED") || o.out().contains("LEAKED") || o.out().contains("PROTECTION FAULT")
                || o.out().contains("terminated by"), o.out());
    }

    private static List<String> pingCommand() {
        return HostTools.installed("ping") ? List.of("ping", "-c", "2", "-W", "5", GUEST) : List.of("busybox", "ping", "-c", "2", "-W", "5", GUEST);
    }

    private static byte[] pattern(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
