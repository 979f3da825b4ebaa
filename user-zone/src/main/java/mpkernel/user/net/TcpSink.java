package mpkernel.user.net;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code tcp-sink [PORT [CONNECTIONS]]}: the discard service (RFC 863) on TCP port 9 by default,
 * for throughput: it reads each connection to its end, one at a time, and prints the bytes, the
 * time, the rate and the SHA-256 of what arrived; a connection that fails (a reset) is reported
 * with its errno. With CONNECTIONS it exits after that many, with status 1 if any failed.
 */
@Program(name = "tcp-sink", description = "discard server on TCP (default port 9), prints bytes, rate, sha256: [PORT [CONNECTIONS]]")
public final class TcpSink implements UserProgram {

    private static final int BUFFER = 64 * 1024;

    @Override
    public int main(Sys sys, List<String> args) {
        Service service = Service.parse(sys, args, 9, "tcp-sink", "CONNECTIONS");
        if (service == null) {
            return 2;
        }
        return SequentialServer.run(sys, "tcp-sink", service, BUFFER, TcpSink::drain);
    }

    /** Reads one connection to its end; 0 if it ended normally, 1 if it failed. */
    private static int drain(Sys sys, int connection, MemorySegment buffer) {
        String peer = sys.getpeername(connection).toString();
        Sha256 sum = new Sha256();
        Rate rate = new Rate(sys);
        long total = 0;
        try {
            long n;
            while ((n = sys.recv(connection, buffer, 0)) > 0) {
                sum.update(buffer.asSlice(0, n));
                total += n;
            }
        } catch (SysError e) {
            sys.write(Sys.STDOUT, "tcp-sink: " + peer + " failed after " + total + " bytes: " + Errors.describe(e) + "\n");
            return 1;
        }
        sys.write(Sys.STDOUT, "tcp-sink: " + peer + " sent " + total + " bytes " + rate.of(total) + ", sha256 " + sum.hex() + "\n");
        return 0;
    }
}
