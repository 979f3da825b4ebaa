package mpkernel.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared NPB command line. */
class NpbArgsTest {

    @Test
    void defaultsToClassS() {
        assertEquals('S', NpbArgs.parse(List.of()).npbClass());
    }

    @Test
    void acceptsBothSpellings() {
        assertEquals('W', NpbArgs.parse(List.of("--class", "W")).npbClass());
        assertEquals('A', NpbArgs.parse(List.of("--class=a")).npbClass());
    }

    @Test
    void rejectsUnknownInput() {
        for (List<String> args : List.of(List.of("--class", "B"), List.of("--class"), List.of("--size", "small"),
                List.of("--class", "SW"))) {
            assertThrows(BenchArgs.Invalid.class, () -> NpbArgs.parse(args), args.toString());
        }
    }
}
