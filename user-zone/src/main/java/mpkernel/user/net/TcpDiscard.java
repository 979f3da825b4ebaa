package mpkernel.user.net;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code tcp-discard [PORT [CONNECTIONS]]}: the discard service (RFC 863) on TCP port 9 by
 * default, for throughput tests. Unlike {@link TcpSink} it hashes nothing: each connection is
 * read to its end into one buffer and only counted, so what the sender measures is the network
 * path and the kernel's gates, not SHA-256. One line per connection (bytes and rate); with
 * CONNECTIONS it exits after that many, with status 1 if any failed.
 */
@Program(name = "tcp-discard", description = "discard server on TCP (default port 9), counts bytes without hashing: [PORT [CONNECTIONS]]")
public final class TcpDiscard implements UserProgram {

    private static final int BUFFER = 64 * 1024;

    @Override
    public int main(Sys sys, List<String> args) {
        Service service = Service.parse(sys, args, 9, "tcp-discard", "CONNECTIONS");
        if (service == null) {
            return 2;
        }
        return SequentialServer.run(sys, "tcp-discard", service, BUFFER, TcpDiscard::drain);
    }

    /** Reads one connection to its end, counting; 0 if it ended normally, 1 if it failed. */
    private static int drain(Sys sys, int connection, MemorySegment buffer) {
        Rate rate = new Rate(sys);
        long total = 0;
        try {
            long n;
            while ((n = sys.recv(connection, buffer, 0)) > 0) {
                total += n;
            }
        } catch (SysError e) {
            sys.write(Sys.STDOUT, "tcp-discard: failed after " + total + " bytes: " + Errors.describe(e) + "\n");
            return 1;
        }
        sys.write(Sys.STDOUT, "tcp-discard: " + total + " bytes " + rate.of(total) + "\n");
        return 0;
    }
}
