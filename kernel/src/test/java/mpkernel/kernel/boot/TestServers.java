package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;

import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;

/** Servers the network tests run as user tasks, through a kernel's system calls. */
final class TestServers {

    private TestServers() {
    }

    /** Listens on {@code port}, says so on {@code listening}, accepts one connection and stops listening; returns its descriptor. */
    static int acceptOne(Sys sys, int port, CountDownLatch listening) {
        int listener = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
        sys.bind(listener, SockAddr.any(port));
        sys.listen(listener, 8);
        listening.countDown();
        int connection = sys.accept(listener);
        sys.close(listener);
        return connection;
    }

    /** Sends back what arrives on {@code connection} until its peer closes, then closes it. */
    static void echo(Sys sys, int connection) {
        MemorySegment buf = sys.malloc(8192);
        long n;
        while ((n = sys.recv(connection, buf, 0)) > 0) {
            for (long off = 0; off < n; ) {
                off += sys.send(connection, buf.asSlice(off, n - off), 0);
            }
        }
        sys.close(connection);
        sys.free(buf);
    }
}
