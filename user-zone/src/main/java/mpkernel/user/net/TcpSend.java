package mpkernel.user.net;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * {@code tcp-send HOST PORT BYTES [RETRY_SECONDS]}: connects to HOST:PORT, sends BYTES bytes of
 * a fixed pseudo-random stream, closes its sending side, reads whatever the server sends back
 * until it closes, and prints the bytes, the time, the rate and the SHA-256 of what it sent.
 * With RETRY_SECONDS, a refused connection is tried again (every 100 ms) for that long: a
 * server may still be starting.
 */
@Program(name = "tcp-send", description = "send BYTES bytes to a TCP server, prints rate and sha256: HOST PORT BYTES [RETRY_SECONDS]")
public final class TcpSend implements UserProgram {

    private static final int BUFFER = 64 * 1024;

    @Override
    public int main(Sys sys, List<String> args) {
        SockAddr to;
        long bytes;
        long retry;
        try {
            if (args.size() < 3 || args.size() > 4) {
                throw new IllegalArgumentException("wrong number of arguments");
            }
            to = SockAddr.of(args.get(0), Integer.parseInt(args.get(1)));
            bytes = Long.parseLong(args.get(2));
            retry = args.size() == 4 ? Long.parseLong(args.get(3)) : 0;
            if (to.port() == 0 || bytes < 0 || retry < 0) {
                throw new IllegalArgumentException("port, bytes or seconds out of range");
            }
        } catch (IllegalArgumentException e) {
            sys.write(Sys.STDERR, "usage: tcp-send HOST PORT BYTES [RETRY_SECONDS] (" + e.getMessage() + ")\n");
            return 2;
        }
        MemorySegment buffer = sys.malloc(BUFFER);
        try {
            fill(buffer);
            int socket = connect(sys, to, retry);
            try {
                send(sys, socket, to, buffer, bytes);
            } finally {
                sys.close(socket);
            }
            return 0;
        } catch (SysError e) {
            sys.write(Sys.STDERR, "tcp-send: " + to + ": " + Errors.describe(e) + "\n");
            return 1;
        } finally {
            sys.free(buffer);
        }
    }

    private static int connect(Sys sys, SockAddr to, long retrySeconds) {
        long deadline = sys.clockGettime(Sys.CLOCK_MONOTONIC) + retrySeconds * 1_000_000_000L;
        while (true) {
            int socket = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
            try {
                sys.connect(socket, to);
                return socket;
            } catch (SysError e) {
                sys.close(socket);
                if (e.errno() != Errno.ECONNREFUSED || sys.clockGettime(Sys.CLOCK_MONOTONIC) - deadline >= 0) {
                    throw e;
                }
                sys.poll(MemorySegment.NULL, 0, 100); // poll on nothing: a 100 ms sleep
            }
        }
    }

    private static void send(Sys sys, int socket, SockAddr to, MemorySegment buffer, long bytes) {
        Sha256 sum = new Sha256();
        Rate rate = new Rate(sys);
        for (long sent = 0; sent < bytes; ) {
            MemorySegment chunk = buffer.asSlice(0, Math.min(buffer.byteSize(), bytes - sent));
            long off = 0;
            while (off < chunk.byteSize()) {
                off += sys.send(socket, chunk.asSlice(off), 0);
            }
            sum.update(chunk);
            sent += chunk.byteSize();
        }
        sys.shutdown(socket, Sys.SHUT_WR);
        long back = 0;
        long n;
        while ((n = sys.recv(socket, buffer, 0)) > 0) {
            back += n;
        }
        sys.write(Sys.STDOUT, "tcp-send: sent " + bytes + " bytes to " + to + " " + rate.of(bytes) + ", sha256 " + sum.hex()
                + (back > 0 ? ", received " + back + " back" : "") + "\n");
    }

    /** The stream's bytes: one fixed pseudo-random block, sent over and over. */
    private static void fill(MemorySegment buffer) {
        SplittableRandom random = new SplittableRandom(17);
        for (long i = 0; i < buffer.byteSize(); i++) {
            buffer.set(JAVA_BYTE, i, (byte) random.nextInt(256));
        }
    }
}
