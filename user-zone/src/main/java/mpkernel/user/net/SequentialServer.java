package mpkernel.user.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * The server loop of {@link TcpSink} and {@link TcpDiscard}, which differ only in what they do
 * with a connection's bytes: listen on the service's port, then accept and serve one connection
 * at a time, each to its end, all through one buffer. Serving them in turn rather than a task
 * each keeps a throughput test to one stream and the server to one allocation.
 */
final class SequentialServer {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Handler {
        /**
         * Serves {@code connection} through {@code buffer} and reports it on standard output; the
         * caller closes the connection.
         *
         * @return 0 if the connection ended normally, 1 if it failed
         */
        int serve(Sys sys, int connection, MemorySegment buffer);
    }

    private SequentialServer() {
    }

    /**
     * Runs the server: prints {@code PROGRAM: listening on port N} once listening, then hands
     * connection after connection to {@code handler} until the service's count is reached
     * (never, without one).
     *
     * @param program the program's name, which starts every line it prints
     * @param bufferBytes the size of the buffer every connection is read through
     * @return 0 if every connection ended normally; 1 if one failed, or if a system call of the
     *     server itself failed (reported on standard error)
     */
    static int run(Sys sys, String program, Service service, int bufferBytes, Handler handler) {
        int listener = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
        MemorySegment buffer = sys.malloc(bufferBytes);
        int status = 0;
        try {
            sys.bind(listener, SockAddr.any(service.port()));
            sys.listen(listener, 8);
            sys.write(Sys.STDOUT, program + ": listening on port " + service.port() + "\n");
            for (long served = 0; !service.done(served); served++) {
                int connection = sys.accept(listener);
                try {
                    status |= handler.serve(sys, connection, buffer);
                } finally {
                    sys.close(connection);
                }
            }
            return status;
        } catch (SysError e) {
            sys.write(Sys.STDERR, program + ": " + Errors.describe(e) + "\n");
            return 1;
        } finally {
            sys.free(buffer);
            sys.close(listener);
        }
    }
}
