package mpkernel.user.net;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code tcp-echo [PORT [CONNECTIONS]]}: the echo service (RFC 862) on TCP port 7 by default:
 * every connection gets a task of its own that sends back whatever arrives until the client
 * closes. With CONNECTIONS it exits once that many have ended.
 */
@Program(name = "tcp-echo", description = "echo server on TCP (default port 7): [PORT [CONNECTIONS]]")
public final class TcpEcho implements UserProgram {

    private static final int BUFFER = 16 * 1024;

    @Override
    public int main(Sys sys, List<String> args) {
        Service service = Service.parse(sys, args, 7, "tcp-echo", "CONNECTIONS");
        if (service == null) {
            return 2;
        }
        int listener = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
        try {
            sys.bind(listener, SockAddr.any(service.port()));
            sys.listen(listener, 8);
            sys.write(Sys.STDOUT, "tcp-echo: listening on port " + service.port() + "\n");
            List<Integer> tasks = new ArrayList<>();
            for (long served = 0; !service.done(served); served++) {
                int connection = sys.accept(listener);
                tasks.add(sys.threadSpawn(() -> echo(sys, connection)));
            }
            for (int t : tasks) {
                sys.threadJoin(t);
            }
            return 0;
        } catch (SysError e) {
            sys.write(Sys.STDERR, "tcp-echo: " + Errors.describe(e) + "\n");
            return 1;
        } finally {
            sys.close(listener);
        }
    }

    /** Echoes one connection until its client closes it. */
    private static void echo(Sys sys, int connection) {
        MemorySegment buffer = sys.malloc(BUFFER);
        String peer = "?";
        long total = 0;
        try {
            peer = sys.getpeername(connection).toString();
            long n;
            while ((n = sys.recv(connection, buffer, 0)) > 0) {
                for (long sent = 0; sent < n; ) {
                    sent += sys.send(connection, buffer.asSlice(sent, n - sent), 0);
                }
                total += n;
            }
            sys.write(Sys.STDOUT, "tcp-echo: " + peer + " echoed " + total + " bytes\n");
        } catch (SysError e) {
            sys.write(Sys.STDOUT, "tcp-echo: " + peer + " after " + total + " bytes: " + Errors.describe(e) + "\n");
        } finally {
            sys.close(connection);
            sys.free(buffer);
        }
    }
}
