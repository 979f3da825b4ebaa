package mpkernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import mpkernel.results.AtomicFile;

/**
 * Where {@code ./mpk run --keep-crash} keeps a kernel JVM's crash report: {@code results/crashes/},
 * one file per crash named by time, program and backend, and never more than {@link #KEPT} of
 * them (the oldest go first). Kernel JVMs write their reports to stderr, never to a file of their
 * own, so nothing else accumulates anywhere.
 */
final class CrashArchive {

    /** Reports kept at most. */
    static final int KEPT = 20;

    private final Path dir;

    CrashArchive(Path dir) {
        this.dir = dir;
    }

    /** The archive under the project's (or {@code --out}'s) results folder. */
    static CrashArchive under(Path results) {
        return new CrashArchive(results.resolve("crashes"));
    }

    /** Writes {@code report} atomically, prunes the oldest beyond {@link #KEPT}, and returns the file. */
    Path keep(String program, String backend, String report) {
        try {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            Path file = dir.resolve(stamp + "-" + program.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + backend + ".log");
            AtomicFile.writeString(file, report);
            prune();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the crash report in " + dir, e);
        }
    }

    private void prune() throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.list(dir)) {
            reports = files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path old : reports.subList(Math.min(KEPT, reports.size()), reports.size())) {
            Files.deleteIfExists(old);
        }
    }
}
