package mpkernel.user.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection's requests and answers, against the fake kernel. */
class ConnectionTest {

    private static final String GET_A = "GET /a.txt HTTP/1.1\r\nHost: h\r\n\r\n";

    private final FakeKernel k = new FakeKernel()
            .file("/host/a.txt", "hello, world\n")
            .file("/host/page.html", "<p>hi</p>")
            .file("/proc/secret", "do not serve me");

    @AfterEach
    void checkNothingLeaks() {
        assertEquals(0, k.liveBlocks(), "every buffer freed");
        assertEquals(0, k.openFileCount(), "every file closed");
        k.close();
    }

    /** Serves {@code c} to its end with the root {@code /host}. */
    private FakeKernel.Client serve(FakeKernel.Client c) {
        return serve(c, "/host");
    }

    private FakeKernel.Client serve(FakeKernel.Client c, String root) {
        ServerStats stats = new ServerStats();
        Connection connection = new Connection(k, k.socketOf(c), new PathResolver(root), stats);
        connection.run();
        assertTrue(connection.ended());
        assertTrue(c.closed, "the socket is closed at the end");
        return c;
    }

    @Test
    void aSmallFileGoesOutWithItsHeadInOneSend() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(GET_A));
        Reply r = Reply.only(c.received(), false);
        assertEquals(200, r.status());
        assertEquals("hello, world\n", r.text());
        assertEquals("13", r.header("Content-Length"));
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertNull(r.header("Connection"), "HTTP/1.1 keeps the connection without saying so");
        assertEquals(1, c.sends);
        assertEquals(List.of("malloc", "recv", "stat", "open", "read", "close", "send", "recv", "close", "free"), k.calls(),
                "a small file costs stat, open, one read and close; the answer one send");
    }

    @Test
    void theBytesOfALargeFileArriveExactlyInLargeReads() {
        byte[] big = new byte[3 * Connection.OUT_BYTES + 12345];
        new SplittableRandom(7).nextBytes(big);
        k.file("/host/big.bin", big);
        k.sendLimit = 40_000; // the socket takes less than asked, as a full TCP buffer does
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n"));
        Reply r = Reply.only(c.received(), false);
        assertEquals(200, r.status());
        assertEquals("application/octet-stream", r.header("Content-Type"));
        assertEquals(Integer.toString(big.length), r.header("Content-Length"));
        assertArrayEquals(big, r.body());
        assertEquals(4, k.count("read"), "reads as large as the send buffer");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndTogether() {
        String three = GET_A + "HEAD /page.html HTTP/1.1\r\nHost: h\r\n\r\n" + "GET /missing HTTP/1.1\r\nHost: h\r\n\r\n";
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(three));
        List<Reply> replies = Reply.all(c.received(), false, true, false);
        assertEquals(3, replies.size());
        assertEquals("hello, world\n", replies.get(0).text());
        assertEquals(200, replies.get(1).status());
        assertEquals("9", replies.get(1).header("Content-Length"), "HEAD announces the length of GET's body");
        assertEquals("text/html; charset=utf-8", replies.get(1).header("Content-Type"));
        assertEquals(0, replies.get(1).body().length);
        assertEquals(404, replies.get(2).status());
        assertEquals(1, c.sends, "three answers, one send");
        assertEquals(1, k.count("open"), "HEAD opens nothing; a missing file costs its stat only");
    }

    @Test
    void aRequestInPiecesIsAnsweredOnceComplete() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GE", "T /a.t", "xt HTTP/1.1\r", "\nHost: h\r\n", "\r", "\n"));
        assertEquals("hello, world\n", Reply.only(c.received(), false).text());
    }

    @Test
    void keepAliveAnswersRequestAfterRequest() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(GET_A, GET_A, GET_A));
        assertEquals(3, Reply.all(c.received()).size());
        assertEquals(3, c.sends);
    }

    @Test
    void connectionCloseIsHonouredAndWhatFollowsIsNotAnswered() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "GET /a.txt HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n" + GET_A));
        Reply r = Reply.only(c.received(), false);
        assertEquals("close", r.header("Connection"));
        assertEquals("hello, world\n", r.text());
    }

    @Test
    void http10ClosesUnlessAskedToKeepAlive() {
        FakeKernel.Client closes = serve(new FakeKernel.Client().arrive("GET /a.txt HTTP/1.0\r\n\r\n", GET_A));
        assertEquals("close", Reply.only(closes.received(), false).header("Connection"));
        assertEquals(1, closes.recvs, "nothing read after the HTTP/1.0 answer");

        FakeKernel.Client keeps = serve(new FakeKernel.Client().arrive("GET /a.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", GET_A));
        List<Reply> replies = Reply.all(keeps.received());
        assertEquals(2, replies.size());
        assertEquals("keep-alive", replies.get(0).header("Connection"));
    }

    @Test
    void otherMethodsAre405WithAllowAndTheConnectionGoesOn() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "DELETE /a.txt HTTP/1.1\r\nHost: h\r\n\r\n", "POST /a.txt HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello", GET_A));
        List<Reply> replies = Reply.all(c.received());
        assertEquals(405, replies.get(0).status());
        assertEquals("GET, HEAD", replies.get(0).header("Allow"));
        assertEquals(405, replies.get(1).status());
        assertEquals(200, replies.get(2).status(), "the POST's body was skipped, not taken for a request");
        assertEquals(3, replies.size());
    }

    @Test
    void aBodyOfAGetIsSkippedEvenAcrossReceives() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "GET /a.txt HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n01234", "56789" + GET_A));
        List<Reply> replies = Reply.all(c.received());
        assertEquals(2, replies.size());
        assertTrue(replies.stream().allMatch(r -> r.status() == 200));
    }

    @Test
    void aBodyHeldBackForContinueClosesTheConnection() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "POST /a.txt HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n"));
        Reply r = Reply.only(c.received(), false);
        assertEquals(405, r.status());
        assertEquals("close", r.header("Connection"));
        assertTrue(c.shutDown, "a lingering close: the body may still come");
    }

    @Test
    void traversalIs400AndServesNothingOutsideTheRoot() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "GET /../proc/secret HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /%2e%2e/proc/secret HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /..%2fproc%2fsecret HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET http://h/../proc/secret HTTP/1.1\r\nHost: h\r\n\r\n",
                GET_A));
        List<Reply> replies = Reply.all(c.received());
        assertEquals(List.of(400, 400, 400, 400, 200), replies.stream().map(Reply::status).toList());
        assertFalse(c.text().contains("do not serve me"));
        assertEquals(1, k.count("open"), "only a.txt was opened");
    }

    @Test
    void aDirectoryIsNotFound() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
        assertEquals(404, Reply.only(c.received(), false).status());
        assertEquals(0, k.count("open"));
    }

    @Test
    void aMalformedRequestGets400ThenALingeringClose() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET / HTTP/1.1\r\nBad Header\r\n\r\n", "more bytes", GET_A));
        Reply r = Reply.only(c.received(), false);
        assertEquals(400, r.status());
        assertEquals("close", r.header("Connection"));
        assertTrue(c.shutDown);
        assertEquals(4, c.recvs, "the request, then the two chunks after it read and dropped, then the end of the stream");
    }

    @Test
    void anOversizedHeadIs413() {
        String big = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "x".repeat(3 * RequestParser.MAX_HEAD);
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(big));
        Reply r = Reply.only(c.received(), false);
        assertEquals(413, r.status());
        assertEquals("close", r.header("Connection"));
    }

    @Test
    void anOversizedBodyIs413() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "POST /a.txt HTTP/1.1\r\nHost: h\r\nContent-Length: " + (RequestParser.MAX_BODY + 1) + "\r\n\r\nxxxx"));
        assertEquals(413, Reply.only(c.received(), false).status());
    }

    @Test
    void aWrongVersionIs505() {
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET /a.txt HTTP/2.0\r\nHost: h\r\n\r\n"));
        assertEquals(505, Reply.only(c.received(), false).status());
    }

    @Test
    void aGeneratedFileIsReadToItsEndForItsLength() {
        byte[] text = "lo 127.0.0.1\neth0 10.77.0.2\n".getBytes(StandardCharsets.US_ASCII);
        k.device("/proc/net", text);
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive(
                "GET /proc/net HTTP/1.1\r\nHost: h\r\n\r\n", "HEAD /proc/net HTTP/1.1\r\nHost: h\r\n\r\n"), "/");
        List<Reply> replies = Reply.all(c.received(), false, true);
        assertArrayEquals(text, replies.get(0).body());
        assertEquals(Integer.toString(text.length), replies.get(0).header("Content-Length"));
        assertEquals(Integer.toString(text.length), replies.get(1).header("Content-Length"));
    }

    @Test
    void aGeneratedFileWithoutEndIs500() {
        k.device("/dev/endless", new byte[StaticFiles.MAX_GENERATED + 1]);
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET /dev/endless HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /host/a.txt HTTP/1.1\r\nHost: h\r\n\r\n"), "/");
        List<Reply> replies = Reply.all(c.received());
        assertEquals(500, replies.get(0).status());
        assertEquals(200, replies.get(1).status(), "the connection goes on");
    }

    @Test
    void anEmptyFileIs200WithNoBody() {
        k.file("/host/empty.txt", new byte[0]);
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET /empty.txt HTTP/1.1\r\nHost: h\r\n\r\n"));
        Reply r = Reply.only(c.received(), false);
        assertEquals(200, r.status());
        assertEquals("0", r.header("Content-Length"));
    }

    @Test
    void aFileThatShrinksClosesTheConnectionAfterWhatItHad() {
        k.file("/host/log.txt", "0123456789").shrink("/host/log.txt", 4);
        FakeKernel.Client c = serve(new FakeKernel.Client().arrive("GET /log.txt HTTP/1.1\r\nHost: h\r\n\r\n", GET_A));
        String text = c.text();
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n") && text.contains("Content-Length: 10\r\n") && text.endsWith("\r\n\r\n0123"), text);
        assertEquals(1, c.recvs, "nothing more is read: the client was promised bytes it will not get");
    }
}
