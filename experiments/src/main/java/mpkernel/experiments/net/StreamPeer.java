package mpkernel.experiments.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Linux end of the network benchmark, run as {@code java -cp JAR} in a child JVM inside a
 * network namespace ({@code ip netns exec NS java ...}); it uses {@code java.base} alone, so it
 * needs nothing of the project but this class. Modes:
 * <ul>
 * <li>{@code send HOST PORT WARMUP_MS MEASURE_MS SIZE...}: per size, one connection with
 *     {@code TCP_NODELAY} writing messages of that size for the warm-up and then the measured
 *     time; prints {@code size S bytes B seconds T} for the measured part only. The sink's
 *     buffers are full at both ends of the measured part, so they cancel out;</li>
 * <li>{@code send-bytes HOST PORT SIZE BYTES}: one connection sending exactly BYTES in messages
 *     of SIZE (for counting the receiver's gate crossings);</li>
 * <li>{@code get HOST PORT N}: one connection, N RESP {@code GET} commands one after another,
 *     each reply read before the next is sent;</li>
 * <li>{@code discard PORT}: the discard service with {@code java.net}, a thread per connection,
 *     each read to its end into one buffer and counted, as the kernel's {@code tcp-discard}.</li>
 * </ul>
 */
public final class StreamPeer {

    private StreamPeer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: StreamPeer send|send-bytes|get|discard ...");
        }
        switch (args[0]) {
            case "send" -> {
                long warm = Long.parseLong(args[3]);
                long measure = Long.parseLong(args[4]);
                for (int i = 5; i < args.length; i++) {
                    int size = Integer.parseInt(args[i]);
                    long[] sent = send(args[1], Integer.parseInt(args[2]), size, warm, measure);
                    System.out.printf(Locale.ROOT, "size %d bytes %d seconds %.6f%n", size, sent[0], sent[1] / 1e9);
                    System.out.flush();
                }
            }
            case "send-bytes" -> sendBytes(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "get" -> gets(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "discard" -> discard(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Bytes written in the measured part and its length in nanoseconds. */
    private static long[] send(String host, int port, int size, long warmMillis, long measureMillis) throws IOException {
        byte[] message = new byte[size];
        try (Socket s = connect(host, port)) {
            OutputStream out = s.getOutputStream();
            long start = System.nanoTime();
            long warmEnd = start + warmMillis * 1_000_000;
            while (System.nanoTime() < warmEnd) {
                out.write(message);
            }
            long from = System.nanoTime();
            long end = from + measureMillis * 1_000_000;
            long bytes = 0;
            long now;
            do {
                out.write(message);
                bytes += size;
                now = System.nanoTime();
            } while (now < end);
            return new long[] {bytes, now - from};
        }
    }

    private static void sendBytes(String host, int port, int size, long total) throws IOException {
        byte[] message = new byte[size];
        try (Socket s = connect(host, port)) {
            OutputStream out = s.getOutputStream();
            for (long left = total; left > 0; left -= size) {
                out.write(message, 0, (int) Math.min(size, left));
            }
        }
        System.out.println("sent " + total);
    }

    private static void gets(String host, int port, int n) throws IOException {
        byte[] command = "*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n".getBytes(StandardCharsets.US_ASCII);
        try (Socket s = connect(host, port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < n; i++) {
                out.write(command);
                readReply(in);
            }
        }
        System.out.println("gets " + n);
    }

    /** Reads one RESP reply to {@code GET}: a bulk string ({@code $N} and N bytes, or {@code $-1}) or a one-line reply. */
    private static void readReply(InputStream in) throws IOException {
        String head = line(in);
        if (head.startsWith("$") && !head.equals("$-1")) {
            in.readNBytes(Integer.parseInt(head.substring(1)) + 2);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static void discard(int port) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            System.out.println("discard: listening on port " + port);
            System.out.flush();
            while (true) {
                Socket s = server.accept();
                Thread.ofPlatform().daemon().start(() -> drain(s));
            }
        }
    }

    private static void drain(Socket s) {
        byte[] buffer = new byte[64 * 1024];
        try (s; InputStream in = s.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // counted by the sender; the sink only has to take the bytes
            }
        } catch (IOException e) {
            // the sender went away: nothing to report
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 10_000);
        return s;
    }
}
