package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash reports are kept only when asked, in one named place, and never pile up. */
class CrashArchiveTest {

    @TempDir
    Path results;

    @Test
    void theArchiveKeepsTheNewestOnly() throws Exception {
        CrashArchive a = CrashArchive.under(results);
        Path first = a.keep("attack", "mprotect", "report 0");
        for (int i = 1; i < CrashArchive.KEPT + 5; i++) {
            Thread.sleep(2); // file names are stamped to the millisecond
            a.keep("attack", "mprotect", "report " + i);
        }
        List<Path> kept;
        try (Stream<Path> s = Files.list(results.resolve("crashes"))) {
            kept = s.toList();
        }
        assertEquals(CrashArchive.KEPT, kept.size());
        assertTrue(!Files.exists(first), "the oldest went first");
    }

    @Test
    void aFaultLeavesNoFileUnlessAsked() throws Exception {
        Path crashes = ResultsDir.base(null).resolve("crashes");
        int before = count(crashes);
        CliHarness.Outcome o = CliHarness.mpk("run", "--backend", "mprotect", "attack-wild-write");
        assertEquals(RunCommand.ISOLATION_FAULT, o.status(), o.out() + o.err());
        assertEquals(before, count(crashes));
        CliHarness.Outcome kept = CliHarness.mpk("run", "--backend", "mprotect", "--keep-crash", "attack-wild-write");
        assertEquals(RunCommand.ISOLATION_FAULT, kept.status(), kept.out() + kept.err());
        String line = kept.out().lines().filter(l -> l.startsWith("crash report: ")).findFirst().orElseThrow();
        Path file = Path.of(line.substring("crash report: ".length()));
        assertTrue(Files.readString(file).contains("SIGSEGV"), "the JVM's own report");
        Files.delete(file);
    }

    private static int count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        }
    }
}
