package mpkernel.user.kv;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One connection end to end against a scripted client: the system calls it costs (each a gate
 * crossing), replies in order, requests split across receives, refusals, and how it ends.
 */
class ConnectionTest {

    private static final String GET = "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n";

    private final KvTestSys sys = new KvTestSys();
    private final KvStore store = new KvStore(() -> sys.clockGettime(KvTestSys.CLOCK_MONOTONIC));
    private boolean ended;

    @AfterEach
    void checkEnd() {
        assertTrue(ended, "the server was told the connection ended");
        assertTrue(sys.closed(), "the socket was closed");
        assertEquals(0, sys.liveBlocks(), "both buffers were freed");
        sys.close();
    }

    @Test
    void aGetCostsOneReceiveAndOneSend() throws Exception {
        store.set("k", "hello".getBytes(), 0, KvStore.Condition.ALWAYS);
        serve(1 << 20, GET);
        assertEquals("$5\r\nhello\r\n", sys.sent());
        assertEquals(List.of(11), sys.sendSizes());
        assertEquals(2, sys.recvs(), "the request, then the client's close");
        assertEquals(0, sys.clockReads());
    }

    @Test
    void aPipelinedBatchIsAnsweredInOrderWithOneSend() {
        StringBuilder batch = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            batch.append("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$").append(Integer.toString(i).length()).append("\r\n").append(i).append("\r\n");
            batch.append(GET);
            expected.append("+OK\r\n$").append(Integer.toString(i).length()).append("\r\n").append(i).append("\r\n");
        }
        batch.append("PING\r\n");
        expected.append("+PONG\r\n");
        serve(1 << 20, batch.toString()); // 10 kB: one receive
        assertEquals(expected.toString(), sys.sent());
        assertEquals(1, sys.sendSizes().size(), "one send for the whole batch");
    }

    @Test
    void aRequestSplitAcrossReceivesIsAnsweredOnceComplete() {
        serve(1 << 20, "*3\r\n$3\r\nSET\r\n$1", "\r\nk\r\n$5\r\nhel", "lo\r\n", GET.substring(0, 5), GET.substring(5));
        assertEquals("+OK\r\n$5\r\nhello\r\n", sys.sent());
        assertEquals(2, sys.sendSizes().size(), "nothing sent for the receives that completed no request");
    }

    @Test
    void aSocketThatTakesLittleAtATimeGetsEverything() {
        sys.sendLimit(3);
        serve(1 << 20, "PING\r\nECHO abcdefgh\r\n");
        assertEquals("+PONG\r\n$8\r\nabcdefgh\r\n", sys.sent());
    }

    @Test
    void anOverlongValueIsRefusedAndTheConnectionGoesOn() {
        String head = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000\r\n";
        String value = "x".repeat(100_000);
        serve(1000, head + value.substring(0, 30_000), value.substring(30_000) + "\r\n" + GET);
        assertEquals("-ERR value too large (100000 bytes, limit 1000)\r\n$-1\r\n", sys.sent());
        assertTrue(sys.largestBlock() <= InputBuffer.INITIAL, "no room was made for the value: " + sys.largestBlock());
    }

    @Test
    void aProtocolErrorIsAnsweredAndEndsTheConnection() {
        serve(1 << 20, "PING\r\n*1\r\n$zz\r\nPING\r\n");
        assertEquals("+PONG\r\n-ERR Protocol error: invalid bulk length\r\n", sys.sent());
        assertTrue(sys.shutDown(), "sending was shut down before the rest was read and dropped");
        assertTrue(sys.out().contains("kv-server: 10.77.0.1:40000: protocol error: invalid bulk length"), sys.out());
    }

    @Test
    void quitEndsTheConnectionAfterItsReply() {
        serve(1 << 20, "PING\r\nQUIT\r\nPING\r\n", "PING\r\n");
        assertEquals("+PONG\r\n+OK\r\n", sys.sent());
        assertEquals(1, sys.recvs(), "nothing more read after QUIT");
        assertFalse(sys.shutDown());
    }

    private void serve(long maxValue, String... chunks) {
        sys.client(chunks);
        new Connection(sys, KvTestSys.FD, maxValue, new Commands(store), c -> ended = true).run();
    }
}
