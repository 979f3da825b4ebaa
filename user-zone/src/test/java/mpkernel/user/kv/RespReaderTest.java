package mpkernel.user.kv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RESP request parser: arrays of bulk strings and inline lines, however they are split, and what it refuses. */
class RespReaderTest {

    private final KvTestSys sys = new KvTestSys();
    private final InputBuffer in = new InputBuffer(sys);

    @AfterEach
    void free() {
        in.release();
        assertEquals(0, sys.liveBlocks());
        sys.close();
    }

    @Test
    void aRequestSplitAtAnyByteIsTakenOnceItsLastByteArrives() throws Exception {
        byte[] wire = bytes("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$12\r\nhello\r\nworld\r\n");
        RespReader reader = new RespReader(in, 1000);
        for (int i = 0; i < wire.length - 1; i++) {
            feed(new byte[] {wire[i]});
            assertNull(reader.next(), "incomplete after byte " + i);
        }
        feed(new byte[] {wire[wire.length - 1]});
        assertEquals(List.of("SET", "key", "hello\r\nworld"), words(reader.next()));
        assertNull(reader.next());
        assertEquals(0, in.available());
    }

    @Test
    void pipelinedRequestsComeOutInOrder() throws Exception {
        feed(bytes("*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\nECHO  hi\r\n*0\r\n\r\n*2\r\n$3\r\nDEL\r\n$0\r\n\r\n"));
        RespReader reader = new RespReader(in, 1000);
        assertEquals(List.of("PING"), words(reader.next()));
        assertEquals(List.of("GET", "a"), words(reader.next()));
        assertEquals(List.of("ECHO", "hi"), words(reader.next()));
        assertEquals(List.of("DEL", ""), words(reader.next()), "*0 and the empty line are no requests");
        assertNull(reader.next());
    }

    @Test
    void inlineWordsMayBeQuoted() throws Exception {
        assertEquals(List.of("SET", "a b", "it's", "x\ny\"", ""),
                RespReader.words(bytes("SET \"a b\" \"it's\" \"x\\ny\\\"\" ''\r")).stream().map(RespReaderTest::text).toList());
        assertEquals(List.of(), RespReader.words(bytes(" \t\r")));
        ProtocolError e = assertThrows(ProtocolError.class, () -> RespReader.words(bytes("SET \"a")));
        assertEquals("unbalanced quotes in request", e.getMessage());
    }

    @Test
    void malformedRequestsAreProtocolErrors() {
        assertEquals("invalid bulk length", error("*1\r\n$x1\r\nA\r\n"));
        assertEquals("invalid bulk length", error("*1\r\n$-5\r\n"));
        assertEquals("invalid multibulk length", error("*abc\r\n"));
        assertEquals("invalid multibulk length", error("*2000000\r\n"));
        assertEquals("expected '$', got '+'", error("*2\r\n$3\r\nGET\r\n+k\r\n"));
        assertEquals("bulk string of 3 bytes not followed by CRLF", error("*1\r\n$3\r\nGETX\r\n"));
        assertEquals("too big inline request", error("A".repeat(RespReader.MAX_LINE)));
        assertEquals("too big bulk count", error("*1\r\n$" + "1".repeat(RespReader.MAX_LINE)));
    }

    @Test
    void anOverlongValueIsRefusedAndSkippedWithoutRoomForIt() throws Exception {
        RespReader reader = new RespReader(in, 1000);
        int size = 200_000;
        feed(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + size + "\r\n"));
        assertNull(reader.next());
        byte[] chunk = new byte[4096];
        Request refused = null;
        for (int left = size; left > 0; left -= chunk.length) {
            feed(java.util.Arrays.copyOf(chunk, Math.min(chunk.length, left)));
            refused = reader.next();
            assertTrue(refused == null || left <= chunk.length, "refused only once its end arrived");
        }
        assertNull(refused, "the CRLF after the value is still to come");
        feed(bytes("\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"));
        refused = reader.next();
        assertEquals("value too large (200000 bytes, limit 1000)", refused.refusal());
        assertEquals(List.of("GET", "k"), words(reader.next()), "the next request parses");
        assertEquals(InputBuffer.INITIAL, sys.largestBlock(), "the value was never held");
    }

    @Test
    void aLargeValueGrowsTheBufferWhichShrinksBackAfterIt() throws Exception {
        int size = 1 << 20;
        RespReader reader = new RespReader(in, size);
        feed(bytes("*2\r\n$4\r\nECHO\r\n$" + size + "\r\n"));
        assertNull(reader.next());
        byte[] value = new byte[size];
        java.util.Arrays.fill(value, (byte) 'v');
        for (int off = 0; off < size; off += 50_000) {
            feed(java.util.Arrays.copyOfRange(value, off, Math.min(size, off + 50_000)));
            assertNull(reader.next());
        }
        assertTrue(in.capacity() > size, "room for the whole value");
        feed(bytes("\r\n"));
        Request r = reader.next();
        assertEquals(size, r.args().get(1).length);
        assertEquals(InputBuffer.INITIAL, in.capacity());
    }

    /** The protocol error {@code wire} makes, parsed on a buffer of its own. */
    private String error(String wire) {
        InputBuffer own = new InputBuffer(sys);
        try {
            RespReader reader = new RespReader(own, 1000);
            feed(own, bytes(wire));
            return assertThrows(ProtocolError.class, () -> {
                while (reader.next() != null) {
                    // the requests before the bad one
                }
            }).getMessage();
        } finally {
            own.release();
        }
    }

    private void feed(byte[] data) {
        feed(in, data);
    }

    /** Receives {@code data} as recv would, growing the buffer as room() does when it is full. */
    private static void feed(InputBuffer in, byte[] data) {
        for (int off = 0; off < data.length; ) {
            MemorySegment room = in.room();
            int n = (int) Math.min(room.byteSize(), data.length - off);
            MemorySegment.copy(data, off, room, ValueLayout.JAVA_BYTE, 0, n);
            in.filled(n);
            off += n;
        }
    }

    private static List<String> words(Request r) {
        assertNull(r.refusal());
        List<String> words = new ArrayList<>();
        r.args().forEach(a -> words.add(text(a)));
        return words;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
