package mpkernel.user.http;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestParserTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void free() {
        arena.close();
    }

    private MemorySegment bytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        MemorySegment m = arena.allocate(Math.max(1, b.length));
        MemorySegment.copy(b, 0, m, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, b.length);
        return m;
    }

    private Request parse(String head) {
        return new RequestParser().parse(bytes(head), 0, head.length());
    }

    private int refusal(String head) {
        return assertThrows(RequestError.class, () -> parse(head), head).status();
    }

    @Test
    void aGetHasItsMethodTargetVersionAndLength() {
        String head = "GET /a.txt?x=1 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n";
        Request r = parse(head);
        assertEquals("GET", r.method());
        assertEquals("/a.txt?x=1", r.target());
        assertEquals(1, r.minorVersion());
        assertTrue(r.keepAlive());
        assertEquals(0, r.contentLength());
        assertEquals(head.length(), r.headLength());
        assertFalse(r.headOnly());
        assertTrue(parse("HEAD / HTTP/1.1\r\nHost: h\r\n\r\n").headOnly());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1|                          |true",
        "HTTP/1.1|Connection: close         |false",
        "HTTP/1.1|Connection: Upgrade, CLOSE|false",
        "HTTP/1.0|                          |false",
        "HTTP/1.0|Connection: keep-alive    |true",
        "HTTP/1.0|connection: Keep-Alive    |true",
        "HTTP/1.2|                          |true",
    })
    void persistenceFollowsTheVersionAndTheConnectionHeader(String version, String header, boolean keepAlive) {
        String extra = header == null ? "" : header + "\r\n";
        Request r = parse("GET / " + version + "\r\nHost: h\r\n" + extra + "\r\n");
        assertEquals(keepAlive, r.keepAlive(), version + " " + header);
    }

    @Test
    void aHeadThatArrivesByteByByteIsFoundOnceComplete() {
        String head = "GET /x HTTP/1.1\r\nHost: h\r\n\r\n";
        MemorySegment m = bytes(head);
        RequestParser p = new RequestParser();
        for (int end = 0; end < head.length(); end++) {
            assertNull(p.parse(m, 0, end), "complete after " + end + " bytes?");
        }
        Request r = p.parse(m, 0, head.length());
        assertNotNull(r);
        assertEquals("/x", r.target());
    }

    @Test
    void pipelinedRequestsAreFramedOneAfterTheOther() {
        String one = "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n";
        String two = "HEAD /2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
        String all = one + two + "GET /3 HT";
        MemorySegment m = bytes(all);
        RequestParser p = new RequestParser();
        Request r1 = p.parse(m, 0, all.length());
        assertEquals("/1", r1.target());
        Request r2 = p.parse(m, r1.headLength(), all.length());
        assertEquals("/2", r2.target());
        assertFalse(r2.keepAlive());
        assertNull(p.parse(m, r1.headLength() + r2.headLength(), all.length()), "the third is incomplete");
    }

    @Test
    void blankLinesBeforeARequestAndBareLineFeedsAreAccepted() {
        String head = "\r\n\nGET /x HTTP/1.1\nHost: h\n\n";
        Request r = parse(head);
        assertEquals("/x", r.target());
        assertEquals(head.length(), r.headLength(), "the blank lines are consumed with the head");
    }

    @Test
    void aBodyIsDeclaredByContentLength() {
        Request r = parse("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 42\r\ncontent-length: 42\r\nExpect: 100-continue\r\n\r\n");
        assertEquals(42, r.contentLength());
        assertTrue(r.expectsContinue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // malformed request lines
        "GET /\\r\\n\\r\\n|400",
        "GET  / HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n|400",
        "GET / HTTP/1.1 \\r\\nHost: h\\r\\n\\r\\n|400",
        "GET / http/1.1\\r\\nHost: h\\r\\n\\r\\n|400",
        "GET / HTTP/1.10\\r\\nHost: h\\r\\n\\r\\n|400",
        "GET / HTTP/x.1\\r\\nHost: h\\r\\n\\r\\n|400",
        "G(T / HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n|400",
        "GET /a\\u0001b HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n|400",
        "GET /caf\\u00e9 HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n|400",
        "GET /a\\rb HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n|400",
        // versions
        "GET / HTTP/2.0\\r\\nHost: h\\r\\n\\r\\n|505",
        "GET / HTTP/0.9\\r\\nHost: h\\r\\n\\r\\n|505",
        // Host
        "GET / HTTP/1.1\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n|400",
        // header lines
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nNoColon\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost : h\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nX-A: 1\\r\\n  folded\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\n: empty\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nX-A: a\\u0000b\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nX-A: a\\rb\\r\\n\\r\\n|400",
        // bodies
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: abc\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: -1\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 99999999999999999999\\r\\n\\r\\n|400",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 1048577\\r\\n\\r\\n|413",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|501",
        "GET / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 3\\r\\n\\r\\n|400",
    })
    void malformedHeadsAreRefusedWithTheirStatus(String escaped, int status) {
        assertEquals(status, refusal(unescape(escaped)), escaped);
    }

    @Test
    void theLargestBodyIsAccepted() {
        assertEquals(RequestParser.MAX_BODY,
                parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " + RequestParser.MAX_BODY + "\r\n\r\n").contentLength());
    }

    @Test
    void aTargetLongerThanTheLimitIs414() {
        String ok = "/" + "a".repeat(RequestParser.MAX_TARGET - 1);
        assertEquals(ok, parse("GET " + ok + " HTTP/1.1\r\nHost: h\r\n\r\n").target());
        assertEquals(414, refusal("GET " + ok + "a HTTP/1.1\r\nHost: h\r\n\r\n"));
    }

    @Test
    void aHeadLargerThanTheLimitIs413WhetherOrNotItsEndArrived() {
        String big = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(RequestParser.MAX_HEAD) + "\r\n";
        assertEquals(413, refusal(big), "no end yet, but already too long");
        assertEquals(413, refusal(big + "\r\n"), "complete and too long");
        String endless = "\r\n".repeat(RequestParser.MAX_HEAD);
        assertEquals(413, refusal(endless), "blank lines count against the limit too");
    }

    @Test
    void aRefusalResetsTheParserForNothingElse() {
        RequestParser p = new RequestParser();
        MemorySegment bad = bytes("GET / HTTP/9.9\r\nHost: h\r\n\r\n");
        assertThrows(RequestError.class, () -> p.parse(bad, 0, bad.byteSize()));
        MemorySegment good = bytes("GET /ok HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals("/ok", p.parse(good, 0, good.byteSize()).target());
    }

    /** {@code \r}, {@code \n} and {@code \\uXXXX} as in Java source (CSV rows cannot hold them raw). */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
            } else if (s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                b.append(s.charAt(++i) == 'r' ? '\r' : '\n');
            }
        }
        return b.toString();
    }
}
