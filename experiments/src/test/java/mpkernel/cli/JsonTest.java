package mpkernel.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void readsWhatJmhWrites() {
        Object v = Json.parse("""
                [ { "benchmark" : "a.B.c", "n" : -1.5e3, "ok" : true, "none" : null,
                    "params" : { }, "list" : [ ], "nan" : "NaN", "esc" : "q\\"\\\\\\n\\u00e9" } ]
                """);
        Map<?, ?> m = (Map<?, ?>) ((List<?>) v).getFirst();
        assertEquals("a.B.c", m.get("benchmark"));
        assertEquals(-1500.0, m.get("n"));
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertNull(m.get("none"));
        assertEquals(Map.of(), m.get("params"));
        assertEquals(List.of(), m.get("list"));
        assertEquals("q\"\\\né", m.get("esc"));
        assertEquals(List.of("benchmark", "n", "ok", "none", "params", "list", "nan", "esc"), List.copyOf(m.keySet()), "key order kept");
    }

    @Test
    void quoteRoundTrips() {
        String s = "tab\there \"quoted\" back\\slash\nnew line \u0001";
        assertEquals(s, Json.parse(Json.quote(s)));
    }

    @Test
    void malformedInputNamesTheOffset() {
        for (String bad : List.of("", "[1,", "{\"a\" 1}", "[1] x", "\"open", "{1:2}", "tru")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("malformed JSON at offset "), e.getMessage());
        }
    }
}
