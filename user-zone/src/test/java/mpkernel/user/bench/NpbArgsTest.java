package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared NPB command line. */
class NpbArgsTest {

    @Test
    void defaultsToClassS() {
        assertEquals('S', NpbArgs.parse(List.of()).orElseThrow().npbClass());
    }

    @Test
    void acceptsBothSpellings() {
        assertEquals('W', NpbArgs.parse(List.of("--class", "W")).orElseThrow().npbClass());
        assertEquals('A', NpbArgs.parse(List.of("--class=a")).orElseThrow().npbClass());
    }

    @Test
    void rejectsUnknownInput() {
        assertTrue(NpbArgs.parse(List.of("--class", "B")).isEmpty());
        assertTrue(NpbArgs.parse(List.of("--class")).isEmpty());
        assertTrue(NpbArgs.parse(List.of("--size", "small")).isEmpty());
        assertTrue(NpbArgs.parse(List.of("--class", "SW")).isEmpty());
    }
}
