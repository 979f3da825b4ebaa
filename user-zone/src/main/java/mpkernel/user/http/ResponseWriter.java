package mpkernel.user.http;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import mpkernel.kernel.api.Sys;

/**
 * The outgoing bytes of one connection, gathered in one buffer of user memory and sent with as
 * few {@code send}s (gate crossings) as the socket takes: a response's head and a small body go
 * out together, and so do the answers to pipelined requests, since the connection flushes only
 * when it has answered every complete request it holds. A body is read straight into the
 * buffer's free {@link #room} by its producer, so file bytes are copied once, by the kernel.
 *
 * <p>Heads never echo what the client sent, so nothing a client writes can inject a header.
 */
final class ResponseWriter {

    /** Bytes a head may take at most (status line and headers, all fixed text and numbers). */
    static final int MAX_HEAD = 512;

    private final Sys sys;
    private final int socket;
    private final MemorySegment buffer;
    private long fill;

    /** A writer to {@code socket} that gathers in {@code buffer} (user memory, larger than {@link #MAX_HEAD}). */
    ResponseWriter(Sys sys, int socket, MemorySegment buffer) {
        if (buffer.byteSize() <= MAX_HEAD) {
            throw new IllegalArgumentException("a buffer of " + buffer.byteSize() + " bytes holds no head");
        }
        this.sys = sys;
        this.socket = socket;
        this.buffer = buffer;
    }

    /**
     * Appends the status line and headers of a response with a body of {@code contentLength}
     * bytes of {@code contentType}; {@code extraHeader} (a whole {@code Name: value} line without
     * its CRLF) or {@code null}.
     */
    void head(int status, Framing framing, String contentType, long contentLength, String extraHeader) {
        StringBuilder h = new StringBuilder(160)
                .append("HTTP/1.1 ").append(status).append(' ').append(Status.reason(status)).append("\r\n")
                .append("Server: mpkernel\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n");
        if (!framing.keepAlive()) {
            h.append("Connection: close\r\n");
        } else if (framing.http10()) {
            h.append("Connection: keep-alive\r\n");
        }
        if (extraHeader != null) {
            h.append(extraHeader).append("\r\n");
        }
        h.append("\r\n");
        append(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Appends a complete response of {@code status} whose body (unless the framing is head-only)
     * is its status line as text, such as {@code 404 Not Found}.
     */
    void message(int status, Framing framing, String extraHeader) {
        byte[] body = (status + " " + Status.reason(status) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        head(status, framing, MimeTypes.DEFAULT, body.length, extraHeader);
        if (!framing.headOnly()) {
            append(body);
        }
    }

    /** The free part of the buffer, for a producer to write body bytes into before {@link #advance}. */
    MemorySegment room() {
        return buffer.asSlice(fill);
    }

    /** Counts {@code n} bytes written into {@link #room} as gathered. */
    void advance(long n) {
        if (n < 0 || n > buffer.byteSize() - fill) {
            throw new IllegalArgumentException(n + " bytes do not fit the " + (buffer.byteSize() - fill) + " free");
        }
        fill += n;
    }

    /** Sends everything gathered, in as many {@code send}s as the socket needs. */
    void flush() {
        for (long sent = 0; sent < fill; ) {
            sent += sys.send(socket, buffer.asSlice(sent, fill - sent), 0);
        }
        fill = 0;
    }

    private void append(byte[] bytes) {
        if (bytes.length > buffer.byteSize() - fill) {
            flush();
        }
        MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, fill, bytes.length);
        fill += bytes.length;
    }
}
