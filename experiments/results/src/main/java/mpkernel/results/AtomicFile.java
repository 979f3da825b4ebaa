package mpkernel.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either its old content or its new one, never half of it:
 * the content goes to a temporary file beside the target, which is then renamed over it. A
 * run killed mid-write leaves at most a {@code .tmp} file, and the figures, which read whatever
 * lies in {@code results/}, never see a torn result.
 */
public final class AtomicFile {

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}, which the caller closes. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces {@code file} with {@code text} in UTF-8, creating its folder if needed. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces {@code file} with what {@code content} writes, creating its folder if needed. */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not createTempFile: its owner-only permissions would follow the file into results/.
        // The process and thread in the name keep two writers of one target apart.
        Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            // The same folder, so the rename is atomic; on POSIX it replaces the target.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
