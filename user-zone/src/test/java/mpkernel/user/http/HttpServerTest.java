package mpkernel.user.http;

import java.util.List;

import mpkernel.kernel.api.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program: its arguments, its listening line, and its end after CONNECTIONS. */
class HttpServerTest {

    @Test
    void argumentsTakeARootAPortAndACount() {
        assertEquals(new ServerArgs("/host", 80, 0), ServerArgs.parse(List.of()));
        assertEquals(new ServerArgs("/host", 8080, 0), ServerArgs.parse(List.of("8080")));
        assertEquals(new ServerArgs("/", 8080, 3), ServerArgs.parse(List.of("--root", "/", "8080", "3")));
        assertEquals(new ServerArgs("/proc", 80, 0), ServerArgs.parse(List.of("--root=/proc")));
        for (List<String> bad : List.of(List.of("0"), List.of("65536"), List.of("x"), List.of("80", "-1"), List.of("80", "1", "2"),
                List.of("--root"), List.of("--root", "host"), List.of("--root", "/host/"), List.of("--root", "/a/../b"), List.of("-v"))) {
            assertNull(ServerArgs.parse(bad), bad.toString());
        }
    }

    @Test
    void badArgumentsPrintTheUsageAndExit2() {
        try (FakeKernel k = new FakeKernel()) {
            assertEquals(2, new HttpServer().main(k, List.of("--root", "relative")));
            assertEquals(ServerArgs.USAGE + "\n", k.err());
            assertEquals(0, k.count("socket"));
        }
    }

    @Test
    void aRootThatIsNoDirectoryIsRefused() {
        try (FakeKernel k = new FakeKernel().file("/host/a.txt", "x")) {
            assertEquals(2, new HttpServer().main(k, List.of("--root", "/host/a.txt")));
            assertEquals("http-server: --root /host/a.txt: no such directory\n", k.err());
            assertEquals(2, new HttpServer().main(k, List.of("--root", "/nowhere")));
        }
    }

    @Test
    void withoutANetworkItSaysSo() {
        try (FakeKernel k = new FakeKernel()) {
            k.socketError = Errno.EAFNOSUPPORT;
            assertEquals(1, new HttpServer().main(k, List.of()));
            assertTrue(k.err().startsWith("http-server: EAFNOSUPPORT ("), k.err());
        }
    }

    @Test
    void itServesCountedConnectionsAndExits() {
        try (FakeKernel k = new FakeKernel().file("/host/a.txt", "A")) {
            FakeKernel.Client one = k.connect().arrive("GET /a.txt HTTP/1.1\r\nHost: h\r\n\r\nGET /a.txt HTTP/1.1\r\nHost: h\r\n\r\n");
            FakeKernel.Client two = k.connect().arrive("GET /nope HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(0, new HttpServer().main(k, List.of("8080", "2")));
            assertEquals("http-server: listening on port 8080, root /host\n"
                    + "http-server: served 3 requests on 2 connections\n", k.out());
            assertEquals(2, Reply.all(one.received()).size());
            assertEquals(404, Reply.only(two.received(), false).status());
            assertEquals(0, k.unjoinedTasks(), "every connection's task joined");
            assertEquals(0, k.liveBlocks());
            assertEquals(2, k.count("thread_spawn"));
        }
    }

    @Test
    void aConnectionWithoutATaskIsClosedAndTheServerGoesOn() {
        try (FakeKernel k = new FakeKernel().file("/host/a.txt", "A")) {
            FakeKernel.Client turnedAway = k.connect().arrive("GET /a.txt HTTP/1.1\r\nHost: h\r\n\r\n");
            FakeKernel.Client served = k.connect().arrive("GET /a.txt HTTP/1.1\r\nHost: h\r\n\r\n");
            k.spawnFailures = 1;
            assertEquals(0, new HttpServer().main(k, List.of("8080", "2")));
            assertTrue(turnedAway.closed);
            assertEquals(0, turnedAway.received().length);
            assertEquals("A", Reply.only(served.received(), false).text());
            assertTrue(k.out().contains("http-server: connection closed unserved: EAGAIN (no free task domain)\n"), k.out());
        }
    }
}
