package mpkernel.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A file is replaced whole or not at all, and nothing is left beside it. */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesReplacesAndLeavesNothingElse() throws Exception {
        Path file = dir.resolve("new/folder/r.csv");
        AtomicFile.writeString(file, "é first\n");
        AtomicFile.writeString(file, "é second\n");
        assertEquals("é second\n", Files.readString(file));
        AtomicFile.write(file, out -> out.write(new byte[] {1, 2, 3}));
        assertEquals(3, Files.size(file));
        assertEquals(List.of(file), list(file.getParent()));
    }

    @Test
    void aFailedWriteKeepsTheOldContent() throws Exception {
        Path file = dir.resolve("r.json");
        AtomicFile.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write('n');
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), list(dir));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
