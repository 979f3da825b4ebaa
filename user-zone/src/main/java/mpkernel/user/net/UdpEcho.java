package mpkernel.user.net;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.kernel.api.Datagram;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/**
 * {@code udp-echo [PORT [DATAGRAMS]]}: the echo service (RFC 862) on UDP port 7 by default:
 * every datagram goes back to its sender. With DATAGRAMS it exits after echoing that many.
 */
@Program(name = "udp-echo", description = "echo server on UDP (default port 7): [PORT [DATAGRAMS]]")
public final class UdpEcho implements UserProgram {

    private static final int BUFFER = 2048;

    @Override
    public int main(Sys sys, List<String> args) {
        Service service = Service.parse(sys, args, 7, "udp-echo", "DATAGRAMS");
        if (service == null) {
            return 2;
        }
        int socket = sys.socket(Sys.AF_INET, Sys.SOCK_DGRAM, 0);
        MemorySegment buffer = sys.malloc(BUFFER);
        try {
            sys.bind(socket, SockAddr.any(service.port()));
            sys.write(Sys.STDOUT, "udp-echo: listening on port " + service.port() + "\n");
            for (long served = 0; !service.done(served); served++) {
                Datagram d = sys.recvfrom(socket, buffer, 0);
                sys.sendto(socket, buffer.asSlice(0, d.length()), 0, d.source());
            }
            sys.write(Sys.STDOUT, "udp-echo: echoed " + service.count() + " datagrams\n");
            return 0;
        } catch (SysError e) {
            sys.write(Sys.STDERR, "udp-echo: " + Errors.describe(e) + "\n");
            return 1;
        } finally {
            sys.free(buffer);
            sys.close(socket);
        }
    }
}
