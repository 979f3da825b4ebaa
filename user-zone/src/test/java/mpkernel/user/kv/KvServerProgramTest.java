package mpkernel.user.kv;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kv-server [--max-value BYTES] [PORT [CONNECTIONS]]}: its arguments and its run. */
class KvServerProgramTest {

    @Test
    void defaultsAreRedisPortSixtyFourMebibytesAndForever() {
        assertEquals(new KvArgs(64L << 20, 6379, 0), KvArgs.parse(List.of()));
        assertEquals(new KvArgs(64L << 20, 7000, 3), KvArgs.parse(List.of("7000", "3")));
    }

    @Test
    void theValueLimitTakesBinarySuffixesAndIsCappedAtRedisOwn() {
        assertEquals(new KvArgs(1024, 6379, 0), KvArgs.parse(List.of("--max-value", "1k")));
        assertEquals(new KvArgs(5000, 1234, 1), KvArgs.parse(List.of("--max-value", "5000", "1234", "1")));
        assertEquals(new KvArgs(512L << 20, 6379, 0), KvArgs.parse(List.of("--max-value", "2G")));
    }

    @Test
    void anythingElseIsNoArguments() {
        for (List<String> bad : List.of(List.of("0"), List.of("65536"), List.of("x"), List.of("80", "-1"), List.of("1", "2", "3"),
                List.of("--max-value"), List.of("--max-value", "12q"), List.of("--max-value", "-5"), List.of("--max-value", "k"),
                List.of("6379", "--max-value", "5"))) {
            assertNull(KvArgs.parse(bad), bad.toString());
        }
    }

    @Test
    void theProgramServesItsConnectionsAndExits() {
        try (KvTestSys sys = new KvTestSys()) {
            sys.client("SET k v\r\nGET k\r\n");
            assertEquals(0, new KvServer().main(sys, List.of("7000", "1")));
            assertEquals(7000, sys.boundPort());
            assertEquals("kv-server: listening on port 7000\n", sys.out());
            assertEquals("+OK\r\n$1\r\nv\r\n", sys.sent());
            assertEquals(List.of(1), sys.joined(), "its task was joined");
            assertTrue(sys.closed() && sys.listenerClosed());
            assertEquals(0, sys.liveBlocks());
        }
    }

    @Test
    void theProgramPrintsItsUsageAndExitsWithTwo() {
        try (KvTestSys sys = new KvTestSys()) {
            assertEquals(2, new KvServer().main(sys, List.of("nope")));
            assertEquals(KvArgs.USAGE + "\n", sys.err());
        }
    }
}
