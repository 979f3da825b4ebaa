package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key-cache figures from the fixture's full bench file, which holds {@code ActiveDomainsBench}
 * and {@code KeyCacheBench} rows beside the gate's: drawn from the same file as the gate cost,
 * captions saying what is shown; and a bench file without them skips both with one line each.
 */
class KeyCacheFigureTest {

    private static final String FILE = "bench-20261125-041000.json";

    @Test
    void bothFiguresAreWrittenFromTheBenchFileAndSayWhatTheyShow(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.copy(FiguresTest.FIXTURE.resolve(FILE), results.resolve(FILE));
        Figures.Result r = Figures.render(results, dir.resolve("figures"));
        List<String> names = r.rendered().stream().map(Figures.Rendered::name).toList();
        assertTrue(names.containsAll(List.of("gate-cost", "key-cache", "key-cache-miss")), names.toString());
        assertTrue(r.skipped().stream().noneMatch(s -> s.startsWith("key cache")), r.skipped().toString());
        for (String name : List.of("key-cache", "key-cache-miss")) {
            Figures.Rendered f = r.rendered().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            assertEquals(List.of(results.resolve(FILE)), f.sources(), "drawn from the same file as the gate cost");
            for (Path p : f.files()) {
                assertTrue(Files.size(p) > 0, p + " is empty");
            }
        }

        String switches = Files.readString(dir.resolve("figures/key-cache.caption.md"));
        for (String fact : List.of("**Domain switch against virtual domains in use.**", "`ActiveDomainsBench.roundTrip`",
                "against the number of virtual domains in use (base-2 log scale)", "JMH's 99.9% error", "key cache's 10 keys",
                "1 - 10/domains", "Park et al.", "USENIX ATC'19", "`none` (no isolation) is the floor",
                "`mpk-dry` 16.0 ± 0.320 ns at 1 domain", "at 10 domains", "at 11 domains", "at 256 domains",
                "`" + FILE + "`: backend none, mpk-dry, mprotect", "commit 0123456789ab", "date 2026-11-25T04:10:00Z")) {
            assertTrue(switches.contains(fact), "key-cache caption lacks '" + fact + "':\n" + switches);
        }
        assertTrue(switches.indexOf("`none`") < switches.indexOf("`mpk-dry` 16.0") && switches.indexOf("`mpk-dry` 16.0")
                < switches.indexOf("`mprotect` 3801"), "backends cheapest first:\n" + switches);

        String misses = Files.readString(dir.resolve("figures/key-cache-miss.caption.md"));
        for (String fact : List.of("**Key cache: hit and miss against region size.**", "`KeyCacheBench`", "top, a hit",
                "bottom, a miss", "goes round 11 domains", "both panels share their y axis", "Park et al.",
                "hit `none`", "at 4 KB", "at 16 MB", "miss `none`", "`mpk-dry` 4200 ± 126 ns at 4 KB",
                "`" + FILE + "`: backend none, mpk-dry, mprotect")) {
            assertTrue(misses.contains(fact), "key-cache-miss caption lacks '" + fact + "':\n" + misses);
        }
    }

    @Test
    void aFullBenchFileWithoutKeyCacheScoresSkipsBothWithOneLineEach(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        // The same kind of full run, from before the key cache: gate, syscall and write_bytes scores only.
        String older = Files.readString(FiguresTest.FIXTURE.resolve("bench-20261127-150000.json")).replace("\"./mpk bench --quick\"",
                "\"./mpk bench\"");
        Files.writeString(results.resolve("bench-20261127-150000.json"), older);
        Figures.Result r = Figures.render(results, dir.resolve("figures"));
        List<String> names = r.rendered().stream().map(Figures.Rendered::name).toList();
        assertTrue(names.contains("gate-cost"), "the other bench figures are drawn: " + names);
        assertFalse(names.contains("key-cache") || names.contains("key-cache-miss"), names.toString());
        assertTrue(r.skipped().contains("key cache: no results/bench-*.json with ActiveDomainsBench.roundTrip scores (switch cost"
                + " against virtual domains in use); run ./mpk bench"), r.skipped().toString());
        assertTrue(r.skipped().contains("key cache misses: no results/bench-*.json with KeyCacheBench.hit or KeyCacheBench.miss"
                + " scores; run ./mpk bench"), r.skipped().toString());
        assertFalse(Files.exists(dir.resolve("figures/key-cache.png")));
    }
}
