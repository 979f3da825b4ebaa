package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke runs never reach a figure by default: the fixture holds, beside the measurements, newer
 * smoke runs of every kind (in {@code quick/}, and at the top level marked by their command or
 * settings), whose numbers differ; the figures must come out as from the measurements alone.
 */
class SmokeRunsTest {

    static final Path FIXTURE = FiguresTest.FIXTURE;

    /** The fixture's files that are smoke runs or interrupted, relative to it. */
    static final List<String> NOT_MEASUREMENTS = List.of("quick", "bench-20261127-150000.json", "overhead-mpk-dry-20261127-130000.csv",
            "overhead-mpk-dry-20261127-130000.json", "sweep-20261127-110000.json", "sweep-20261128-000000.json");

    @Test
    void aSmokeRunNextToAMeasurementLeavesEveryFigureAsItWas(@TempDir Path dir) throws IOException {
        Path measurements = Files.createDirectory(dir.resolve("measurements"));
        try (Stream<Path> s = Files.list(FIXTURE)) {
            for (Path f : s.filter(p -> !NOT_MEASUREMENTS.contains(p.getFileName().toString())).toList()) {
                Files.copy(f, measurements.resolve(f.getFileName()));
            }
        }
        Figures.Result alone = Figures.render(measurements, dir.resolve("alone"));
        Figures.Result beside = Figures.render(FIXTURE, dir.resolve("beside"));
        assertEquals(names(alone), names(beside));
        assertEquals(13, alone.rendered().size());
        for (Figures.Rendered r : beside.rendered()) {
            assertEquals(Files.readString(dir.resolve("alone").resolve(r.name() + ".caption.md")),
                    Files.readString(dir.resolve("beside").resolve(r.name() + ".caption.md")), r.name() + ": same numbers, same provenance");
            assertTrue(r.sources().stream().noneMatch(p -> NOT_MEASUREMENTS.contains(FIXTURE.relativize(p).getName(0).toString())),
                    r.name() + " drew from " + r.sources());
        }
    }

    @Test
    void includedSmokeRunsAreDrawnAndSaySo(@TempDir Path dir) throws IOException {
        Figures.Result r = Figures.render(FIXTURE, dir, new Figures.Options(true, false));
        Map<String, String> captions = new TreeMap<>();
        for (Figures.Rendered f : r.rendered()) {
            captions.put(f.name(), Files.readString(dir.resolve(f.name() + ".caption.md")));
        }
        for (String name : List.of("macrobenchmarks-mprotect", "macrobenchmarks-mpk-dry", "gate-cost", "write-bytes-mprotect", "sweep")) {
            assertTrue(captions.get(name).contains("smoke run, not a measurement"), name + ":\n" + captions.get(name));
        }
        assertTrue(captions.get("macrobenchmarks-mprotect").contains("`quick/overhead-mprotect-20261127-120000.csv` (smoke run"));
        assertTrue(captions.get("sweep").contains("`sweep-20261127-110000.json` (smoke run"));
        assertFalse(captions.get("faults").contains("smoke run"), "no fault campaign is a smoke run");
    }

    private static List<String> names(Figures.Result r) {
        return r.rendered().stream().map(Figures.Rendered::name).toList();
    }
}
