package mpkernel.user.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands' replies, byte for byte as Redis gives them, and their effect on the store. */
class CommandsTest {

    private static final long SECOND = 1_000_000_000L;

    private final KvTestSys sys = new KvTestSys();
    private final Commands commands = new Commands(new KvStore(() -> sys.clockGettime(KvTestSys.CLOCK_MONOTONIC)));
    private final ReplyWriter out = new ReplyWriter(sys);

    @AfterEach
    void free() {
        out.release();
        sys.close();
    }

    @Test
    void setGetDelExistsWithoutReadingTheClock() {
        assertEquals("$-1\r\n", run("GET k"));
        assertEquals("+OK\r\n", run("SET k v1"));
        assertEquals("$2\r\nv1\r\n", run("get k"));
        assertEquals("+OK\r\n", run("SET k2 x"));
        assertEquals(":3\r\n", run("EXISTS k k2 nope k"));
        assertEquals(":2\r\n", run("DEL k k2 nope"));
        assertEquals(":0\r\n", run("EXISTS k"));
        assertEquals(0, sys.clockReads(), "keys without expiry cost no clock system call");
    }

    @Test
    void binaryValuesAndEmptyKeysRoundTrip() {
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        assertEquals("+OK\r\n", run(List.of(bytes("SET"), new byte[0], value)));
        assertEquals("$256\r\n" + new String(value, StandardCharsets.ISO_8859_1) + "\r\n", run(List.of(bytes("GET"), new byte[0])));
    }

    @Test
    void setWithExOrPxExpiresOnTheMonotonicClock() {
        sys.clock(100 * SECOND);
        assertEquals("+OK\r\n", run("SET s v EX 10"));
        assertEquals("+OK\r\n", run("SET p v px 1500"));
        sys.clock(101 * SECOND + SECOND / 2 - 1);
        assertEquals("$1\r\nv\r\n", run("GET p"));
        sys.clock(101 * SECOND + SECOND / 2);
        assertEquals("$-1\r\n", run("GET p"));
        sys.clock(110 * SECOND - 1);
        assertEquals(":1\r\n", run("EXISTS s"));
        assertEquals(":1\r\n", run("DBSIZE"));
        sys.clock(110 * SECOND);
        assertEquals(":0\r\n", run("EXISTS s"));
        assertEquals("+OK\r\n", run("SET s again"));
        sys.clock(1000 * SECOND);
        assertEquals("$5\r\nagain\r\n", run("GET s"), "a plain SET clears the deadline");
    }

    @Test
    void setOptionsAreCheckedAsRedisChecksThem() {
        assertEquals("-ERR invalid expire time in 'set' command\r\n", run("SET k v EX 0"));
        assertEquals("-ERR invalid expire time in 'set' command\r\n", run("SET k v EX -3"));
        assertEquals("-ERR value is not an integer or out of range\r\n", run("SET k v EX ten"));
        assertEquals("-ERR syntax error\r\n", run("SET k v EX"));
        assertEquals("-ERR syntax error\r\n", run("SET k v EX 1 PX 5"));
        assertEquals("-ERR syntax error\r\n", run("SET k v NX XX"));
        assertEquals("-ERR syntax error\r\n", run("SET k v KEEPALL"));
        assertEquals(":0\r\n", run("EXISTS k"), "a refused SET sets nothing");
    }

    @Test
    void nxSetsOnlyAbsentKeysAndXxOnlyPresentOnes() {
        assertEquals("$-1\r\n", run("SET k v XX"));
        assertEquals("+OK\r\n", run("SET k v NX"));
        assertEquals("$-1\r\n", run("SET k w NX"));
        assertEquals("+OK\r\n", run("SET k w XX"));
        assertEquals("$1\r\nw\r\n", run("GET k"));
        sys.clock(0);
        assertEquals("+OK\r\n", run("SET t v EX 1"));
        sys.clock(SECOND);
        assertEquals("+OK\r\n", run("SET t v2 NX"), "an expired key is absent");
    }

    @Test
    void incrementsAreIntegerArithmeticOnStrings() {
        assertEquals(":1\r\n", run("INCR n"));
        assertEquals(":2\r\n", run("INCR n"));
        assertEquals(":12\r\n", run("INCRBY n 10"));
        assertEquals(":11\r\n", run("DECR n"));
        assertEquals(":-9\r\n", run("DECRBY n 20"));
        assertEquals("$2\r\n-9\r\n", run("GET n"));
        assertEquals("+OK\r\n", run("SET s abc"));
        assertEquals("-ERR value is not an integer or out of range\r\n", run("INCR s"));
        assertEquals("+OK\r\n", run("SET s 007"));
        assertEquals("-ERR value is not an integer or out of range\r\n", run("INCR s"), "leading zeros are no integer to Redis");
        assertEquals("+OK\r\n", run("SET m 9223372036854775807"));
        assertEquals("-ERR increment or decrement would overflow\r\n", run("INCR m"));
        assertEquals("$19\r\n9223372036854775807\r\n", run("GET m"));
        assertEquals("-ERR value is not an integer or out of range\r\n", run("INCRBY n x"));
    }

    @Test
    void incrKeepsTheDeadline() {
        sys.clock(0);
        assertEquals("+OK\r\n", run("SET n 5 EX 2"));
        assertEquals(":6\r\n", run("INCR n"));
        sys.clock(2 * SECOND);
        assertEquals("$-1\r\n", run("GET n"));
        assertEquals(":1\r\n", run("INCR n"), "an expired counter starts again from 0");
    }

    @Test
    void msetAndMget() {
        assertEquals("+OK\r\n", run("MSET a 1 b 22"));
        assertEquals("*3\r\n$1\r\n1\r\n$-1\r\n$2\r\n22\r\n", run("MGET a nope b"));
        assertEquals("-ERR wrong number of arguments for 'mset' command\r\n", run("MSET a 1 b"));
    }

    @Test
    void pingEchoAndTheConnectionChatOfClients() {
        assertEquals("+PONG\r\n", run("PING"));
        assertEquals("$5\r\nhello\r\n", run("PING hello"));
        assertEquals("$3\r\na b\r\n", run(List.of(bytes("ECHO"), bytes("a b"))));
        assertEquals("*0\r\n", run("COMMAND DOCS"));
        assertEquals("*0\r\n", run("COMMAND"));
        assertEquals("*2\r\n$4\r\nsave\r\n$0\r\n\r\n", run("CONFIG GET save"));
        assertEquals("*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n", run("config get APPENDONLY"));
        assertEquals("*0\r\n", run("CONFIG GET maxmemory"));
        assertEquals("-ERR unknown subcommand 'SET'. Try CONFIG HELP.\r\n", run("CONFIG SET save x"));
        assertEquals("+OK\r\n", run("CLIENT SETNAME bench"));
        assertEquals("+OK\r\n", run("CLIENT SETINFO lib-name x"));
        assertEquals("+OK\r\n", run("SELECT 0"));
        assertEquals("-ERR DB index is out of range\r\n", run("SELECT 1"));
        assertEquals("-ERR unknown command 'HELLO'\r\n", run("HELLO 3"));
        assertEquals("+OK\r\n", run("FLUSHALL"));
    }

    @Test
    void errorsNameTheCommand() {
        assertEquals("-ERR wrong number of arguments for 'get' command\r\n", run("GET"));
        assertEquals("-ERR wrong number of arguments for 'get' command\r\n", run("Get a b"));
        assertEquals("-ERR wrong number of arguments for 'set' command\r\n", run("SET k"));
        assertEquals("-ERR wrong number of arguments for 'incr' command\r\n", run("INCR"));
        assertEquals("-ERR unknown command 'Frobnicate'\r\n", run("Frobnicate x"));
        assertEquals("-ERR unknown command 'a  b'\r\n", run(List.of(bytes("a\r\nb"))), "no line break gets into an error line");
    }

    @Test
    void quitAnswersOkAndAsksToClose() {
        assertFalse(commands.run(new Request(List.of(bytes("QUIT")), null), out));
        assertEquals("+OK\r\n", taken());
        assertTrue(commands.run(new Request(List.of(bytes("PING")), null), out));
    }

    @Test
    void aRefusedRequestIsAnsweredWithItsReasonAndNotRun() {
        assertTrue(commands.run(new Request(List.of(bytes("SET"), bytes("k")), "value too large (9 bytes, limit 8)"), out));
        assertEquals("-ERR value too large (9 bytes, limit 8)\r\n", taken());
        assertEquals(":0\r\n", run("EXISTS k"));
    }

    private String run(String words) {
        List<byte[]> args = new ArrayList<>();
        for (String w : words.split(" ")) {
            args.add(bytes(w));
        }
        return run(args);
    }

    private String run(List<byte[]> args) {
        assertTrue(commands.run(new Request(args, null), out));
        return taken();
    }

    private int seen;

    /** The replies written since the last call, as the client receives them. */
    private String taken() {
        out.flush(KvTestSys.FD);
        String all = sys.sent();
        String s = all.substring(seen);
        seen = all.length();
        return s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
