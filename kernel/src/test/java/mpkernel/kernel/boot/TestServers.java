package mpkernel.kernel.boot;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.Domain;

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

    /** Spawns a user task on {@code kernel} that accepts one connection on {@code port} and echoes it; returns the task once it listens. */
    static int spawnEcho(Kernel kernel, int port) throws InterruptedException {
        Sys sys = kernel.sys();
        CountDownLatch listening = new CountDownLatch(1);
        int task = kernel.isolation().gate(Domain.USER).callInt(() -> sys.threadSpawn(() -> echo(sys, acceptOne(sys, port, listening))));
        if (!listening.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the echo server does not listen on port " + port);
        }
        return task;
    }
}
