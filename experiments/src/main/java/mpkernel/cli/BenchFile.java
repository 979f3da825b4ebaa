package mpkernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A benchmark result file: {@code {"provenance": {...}, "jmh": [...]}}, JMH's own JSON kept
 * verbatim beside where and how it was measured. Written to a temporary file in the same
 * folder and renamed into place, so {@code results/} never holds a half-written file (the
 * figures read whatever is there).
 */
final class BenchFile {

    private BenchFile() {
    }

    /** Writes {@code provenance} and {@code jmhJson} to {@code target} atomically. */
    static void write(Path target, Map<String, String> provenance, String jmhJson) {
        StringBuilder sb = new StringBuilder("{\n  \"provenance\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : provenance.entrySet()) {
            sb.append(sep).append("    ").append(Json.quote(e.getKey())).append(": ").append(Json.quote(e.getValue()));
            sep = ",\n";
        }
        sb.append("\n  },\n  \"jmh\": ").append(jmhJson.strip()).append("\n}\n");
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // Not createTempFile: its owner-only permissions would follow the file into results/.
            Path tmp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(tmp, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
