package mpkernel.user.kv;

import java.util.function.Consumer;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.user.net.Errors;

/**
 * One client connection, served by a task of its own: each {@code recv} is parsed into as many
 * requests as it completes, they run in order, and their replies leave together in one
 * {@code send}. So a lone request costs two system calls (its {@code recv} and its
 * {@code send}) and a pipelined batch two in all. A QUIT or a protocol error ends the connection
 * after its reply; the latter is also reported on standard output, as is a failed system call.
 */
final class Connection implements Runnable {

    /** Replies gathered beyond this are sent before the rest of a batch runs, so that a huge pipeline needs no huge buffer. */
    static final long FLUSH_AT = 1 << 20;
    /** How much a connection closed for a protocol error still reads (and drops) so that its error reply is not lost to a reset. */
    private static final long DRAIN_LIMIT = 1 << 20;

    private final Sys sys;
    private final int fd;
    private final long maxValue;
    private final Commands commands;
    private final Consumer<Connection> onEnd;

    /** Serves {@code fd}, refusing bulk strings over {@code maxValue} bytes; hands itself to {@code onEnd} when done. */
    Connection(Sys sys, int fd, long maxValue, Commands commands, Consumer<Connection> onEnd) {
        this.sys = sys;
        this.fd = fd;
        this.maxValue = maxValue;
        this.commands = commands;
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        InputBuffer in = null;
        ReplyWriter out = null;
        try {
            in = new InputBuffer(sys);
            out = new ReplyWriter(sys);
            serve(in, new RespReader(in, maxValue), out);
        } catch (SysError e) {
            if (e.errno() != Errno.ECONNRESET && e.errno() != Errno.EPIPE) { // a client gone is no news
                report(Errors.describe(e));
            }
        } finally {
            sys.close(fd);
            if (in != null) {
                in.release();
            }
            if (out != null) {
                out.release();
            }
            onEnd.accept(this);
        }
    }

    private void serve(InputBuffer in, RespReader reader, ReplyWriter out) {
        while (true) {
            long n = sys.recv(fd, in.room(), 0);
            if (n <= 0) {
                return;
            }
            in.filled(n);
            try {
                boolean open = answer(reader, out);
                out.flush(fd);
                if (!open) {
                    return;
                }
            } catch (ProtocolError e) {
                out.error("ERR Protocol error: " + e.getMessage());
                out.flush(fd);
                report("protocol error: " + e.getMessage());
                drain(in);
                return;
            }
        }
    }

    /** Runs every request {@code reader} has complete; false if one asked to close the connection. */
    private boolean answer(RespReader reader, ReplyWriter out) throws ProtocolError {
        Request request;
        while ((request = reader.next()) != null) {
            if (!commands.run(request, out)) {
                return false;
            }
            if (out.size() >= FLUSH_AT) {
                out.flush(fd);
            }
        }
        return true;
    }

    /**
     * Stops sending and reads what the client still sends, up to a limit, until it closes:
     * closing with unread bytes would reset the connection, and a reset can make the client
     * drop the error reply before reading it.
     */
    private void drain(InputBuffer in) {
        sys.shutdown(fd, Sys.SHUT_WR);
        in.consume(in.available());
        for (long total = 0; total < DRAIN_LIMIT; ) {
            long n = sys.recv(fd, in.room(), 0);
            if (n <= 0) {
                return;
            }
            total += n;
        }
    }

    private void report(String what) {
        String peer;
        try {
            peer = sys.getpeername(fd).toString();
        } catch (SysError e) {
            peer = "fd " + fd;
        }
        sys.write(Sys.STDOUT, "kv-server: " + peer + ": " + what + "\n");
    }
}
