package mpkernel.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The isolation layer must not read memory of a thread-confined session: that one read would
 * make C2 compile an owner-thread check into every segment access of the process, and the
 * isolated backends would run the benchmarks' own work slower than {@code none} (see
 * {@link Scratch}).
 */
class ScratchTest {

    @Test
    void scratchMemoryBelongsToNoThread() throws InterruptedException {
        MemorySegment s = Scratch.arena().allocate(8);
        AtomicBoolean readable = new AtomicBoolean();
        Thread other = new Thread(() -> readable.set(s.isAccessibleBy(Thread.currentThread())));
        other.start();
        other.join();
        assertTrue(readable.get(), "scratch memory is confined to the allocating thread");
    }

    @Test
    void noConfinedArenaInTheIsolationLayer() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the isolation module's folder");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("Arena.ofConfined("))
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
