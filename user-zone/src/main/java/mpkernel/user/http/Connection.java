package mpkernel.user.http;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.user.net.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * One client connection, served on a task of its own: receive, answer every complete request
 * received (in order, pipelined ones included), send the answers together, and again, until the
 * client closes, a request asks to close, or a request cannot be read. Its buffers are one
 * {@code malloc} for the connection's whole life.
 *
 * <p>A request that cannot be read gets its error answer and then a lingering close: the server
 * stops sending ({@code shutdown}) and reads what the client still sends, for a bounded time
 * and amount, before it closes. Closing at once with unread data would reset the connection,
 * and a reset can destroy the error answer before the client reads it.
 */
final class Connection implements Runnable {

    /** Bytes of the receive buffer: a head of the largest size plus pipelined requests behind it. */
    static final int IN_BYTES = 2 * RequestParser.MAX_HEAD;
    /** Bytes of the send buffer: the largest file chunk read with one {@code read}. */
    static final int OUT_BYTES = 256 * 1024;
    /** How long a lingering close waits for the client's next bytes. */
    private static final int LINGER_MILLIS = 2000;
    /** How much a lingering close reads at most. */
    private static final long LINGER_BYTES = 4L * RequestParser.MAX_BODY;

    private final Sys sys;
    private final int socket;
    private final PathResolver resolver;
    private final StaticFiles files;
    private final ServerStats stats;
    private volatile boolean ended;

    Connection(Sys sys, int socket, PathResolver resolver, ServerStats stats) {
        this.sys = sys;
        this.socket = socket;
        this.resolver = resolver;
        this.files = new StaticFiles(sys);
        this.stats = stats;
    }

    /** Whether this connection's task is done with it (its socket closed, its memory freed). */
    boolean ended() {
        return ended;
    }

    @Override
    public void run() {
        MemorySegment memory = null;
        try {
            memory = sys.malloc(IN_BYTES + OUT_BYTES + Sys.POLLFD_BYTES);
            serve(memory.asSlice(0, IN_BYTES), new ResponseWriter(sys, socket, memory.asSlice(IN_BYTES, OUT_BYTES)),
                    memory.asSlice(IN_BYTES + OUT_BYTES, Sys.POLLFD_BYTES));
        } catch (SysError e) {
            if (e.errno() != Errno.ECONNRESET && e.errno() != Errno.EPIPE && e.errno() != Errno.ETIMEDOUT) {
                sys.write(Sys.STDOUT, "http-server: connection ended by " + Errors.describe(e) + "\n");
            }
        } finally {
            try {
                sys.close(socket);
            } catch (SysError ignored) {
                // already gone
            }
            if (memory != null) {
                sys.free(memory);
            }
            stats.connectionEnded();
            ended = true;
        }
    }

    private void serve(MemorySegment in, ResponseWriter out, MemorySegment pollfd) {
        RequestParser parser = new RequestParser();
        long begin = 0;
        long end = 0;
        long skip = 0; // body bytes of the last request still to drop
        while (true) {
            try {
                while (true) {
                    long dropped = Math.min(skip, end - begin);
                    begin += dropped;
                    skip -= dropped;
                    if (skip > 0) {
                        break;
                    }
                    Request r = parser.parse(in, begin, end);
                    if (r == null) {
                        break;
                    }
                    begin += r.headLength();
                    stats.requestServed();
                    if (!answer(r, out)) {
                        out.flush();
                        if (r.contentLength() > 0 || end > begin) {
                            linger(in, pollfd);
                        }
                        return;
                    }
                    skip = r.contentLength();
                }
            } catch (RequestError e) {
                stats.requestServed();
                out.message(e.status(), Framing.CLOSING, null);
                out.flush();
                linger(in, pollfd);
                return;
            }
            out.flush();
            if (begin == end) {
                begin = 0;
                end = 0;
            } else if (begin > 0) {
                MemorySegment.copy(in, begin, in, 0, end - begin);
                end -= begin;
                begin = 0;
            }
            long n = sys.recv(socket, in.asSlice(end), 0);
            if (n == 0) {
                return;
            }
            end += n;
        }
    }

    /** Appends the answer to {@code r}; returns whether the connection stays open after it. */
    private boolean answer(Request r, ResponseWriter out) {
        // A client that waits for "100 Continue" before its body may or may not send it after a
        // final answer; the connection cannot know where the next request starts, so it closes.
        boolean keepAlive = r.keepAlive() && !(r.expectsContinue() && r.contentLength() > 0);
        Framing framing = Framing.of(r, keepAlive);
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            out.message(Status.METHOD_NOT_ALLOWED, framing, "Allow: GET, HEAD");
            return keepAlive;
        }
        String path;
        try {
            path = resolver.resolve(r.target());
        } catch (RequestError e) {
            out.message(e.status(), framing, null);
            return keepAlive;
        }
        return files.answer(path, framing, out) && keepAlive;
    }

    /** Stops sending, then drops what the client still sends until it closes, pauses or sends too much. */
    private void linger(MemorySegment in, MemorySegment pollfd) {
        try {
            sys.shutdown(socket, Sys.SHUT_WR);
            pollfd.set(JAVA_INT, 0, socket);
            pollfd.set(JAVA_SHORT, 4, Sys.POLLIN);
            for (long drained = 0; drained < LINGER_BYTES; ) {
                pollfd.set(JAVA_SHORT, 6, (short) 0);
                if (sys.poll(pollfd, 1, LINGER_MILLIS) == 0) {
                    return;
                }
                long n = sys.recv(socket, in, Sys.MSG_DONTWAIT);
                if (n == 0) {
                    return;
                }
                drained += n;
            }
        } catch (SysError e) {
            // the client reset or is gone: nothing left to protect
        }
    }
}
