package mpkernel.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders every figure from the fixture results (src/test/resources/results: small files in the
 * experiments' formats) once, and checks what a reader gets: each PNG decodes at the figure's
 * size and is not blank, the SVG and PDF are real documents, and the caption names the
 * provenance.
 */
class FiguresTest {

    static final Path FIXTURE = Path.of("src/test/resources/results");

    /** Expected figures: name → PNG height range in pixels (the width is always {@link Look#WIDTH}). */
    static final Map<String, int[]> EXPECTED = Map.ofEntries(
            Map.entry("macrobenchmarks-mprotect", new int[] {700, 860}),
            Map.entry("macrobenchmarks-mpk-dry", new int[] {700, 860}),
            Map.entry("write-bytes-mprotect", new int[] {700, 860}),
            Map.entry("write-bytes-mpk-dry", new int[] {700, 860}),
            Map.entry("gate-cost", new int[] {460, 580}),
            Map.entry("faults", new int[] {900, 1200}),
            Map.entry("faults-throughput", new int[] {560, 760}),
            Map.entry("crossings", new int[] {480, 660}),
            Map.entry("sweep", new int[] {560, 720}),
            Map.entry("key-cache", new int[] {540, 720}),
            Map.entry("key-cache-miss", new int[] {760, 960}),
            Map.entry("netbench-throughput", new int[] {520, 700}),
            Map.entry("netbench-requests", new int[] {500, 680}));

    @TempDir
    static Path out;

    static Figures.Result result;

    @BeforeAll
    static void render() throws IOException {
        result = Figures.render(FIXTURE, out);
    }

    @Test
    void everyFigureIsRenderedAndNoneSkipped() {
        assertEquals(List.of(), result.skipped());
        assertEquals(EXPECTED.keySet(), result.rendered().stream().map(Figures.Rendered::name).collect(Collectors.toSet()));
        for (Figures.Rendered r : result.rendered()) {
            assertEquals(List.of(".png", ".svg", ".pdf", ".caption.md"),
                    r.files().stream().map(f -> f.getFileName().toString().substring(r.name().length())).toList());
        }
    }

    @Test
    void pngsDecodeAtTheFigureSizeAndShowSomething() throws IOException {
        for (Map.Entry<String, int[]> e : EXPECTED.entrySet()) {
            Path png = out.resolve(e.getKey() + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image != null, png + " does not decode");
            assertEquals(Look.WIDTH, image.getWidth(), png.toString());
            int h = image.getHeight();
            assertTrue(h >= e.getValue()[0] && h <= e.getValue()[1], png + ": height " + h);
            assertTrue(inkShare(image) > 0.05, png + " is nearly blank");
        }
    }

    @Test
    void vectorFilesAreDocumentsOfTheSameSize() throws Exception {
        for (String name : EXPECTED.keySet()) {
            BufferedImage png = ImageIO.read(out.resolve(name + ".png").toFile());
            Path svg = out.resolve(name + ".svg");
            assertTrue(Files.size(svg) > 20_000, svg + " is too small to hold the figure");
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
            var root = xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            assertEquals("svg", root.getTagName());
            assertEquals("0 0 " + png.getWidth() + " " + png.getHeight(), root.getAttribute("viewBox"), svg.toString());
            Path pdf = out.resolve(name + ".pdf");
            assertTrue(Files.size(pdf) > 20_000, pdf + " is too small to hold the figure");
            String head = new String(Files.readAllBytes(pdf), 0, 8, StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("%PDF-"), pdf + " starts with " + head);
            String tail = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).strip();
            assertTrue(tail.endsWith("%%EOF"), pdf + " is cut short");
        }
    }

    @Test
    void captionsCarryTheProvenance() throws IOException {
        String macro = caption("macrobenchmarks-mprotect");
        for (String fact : List.of("backend mprotect vs none", "Intel(R) Xeon(R) Processor, 2 cores", "no PKU, on the host (not QEMU)",
                "date 2026-11-25T03:22:11Z", "commit 0123456789ab", "overhead-mprotect-20261125-032211.csv", "+0.60%", "VEE'20",
                "Not verified, so not shown: npb-mg", "+0.55% [+0.21%, +0.89%]", "equivalent: npb-ep, whetstone, dhrystone")) {
            assertTrue(macro.contains(fact), "macrobenchmarks caption lacks '" + fact + "':\n" + macro);
        }
        for (String name : EXPECTED.keySet()) {
            String c = caption(name);
            for (String fact : List.of("backend ", "Intel(R) Xeon(R) Processor, 2 cores", "commit 0123456789ab", "date 2026-11-25T")) {
                assertTrue(c.contains(fact), name + " caption lacks '" + fact + "':\n" + c);
            }
        }
        assertTrue(caption("faults").contains("faults-mprotect-1-shard1of2.csv") && caption("faults").contains("faults-mprotect-1-shard2of2.csv"),
                "every shard is named");
        assertTrue(caption("faults").contains("QEMU TCG CPU version 2.5+, 2 cores; PKU, inside the QEMU guest"), "each file its own machine");
        assertTrue(caption("gate-cost").contains("5.50 ns"), "the floor is quoted");
        String pace = caption("faults-throughput");
        for (String fact : List.of("`faults-mprotect-1-shard1of2.csv` (mprotect, host, jobs 2, 84 trials, mean 601 ms) 200 [",
                "`faults-mprotect-1-shard2of2.csv` (mprotect, host, jobs 2, 56 trials, mean 629 ms) 191 [",
                "`faults-none-1.csv` (none, host, jobs 1, 140 trials, mean 605 ms) 99.2 [",
                "`faults-mpk-1.csv` (mpk, PKU guest (QEMU TCG), jobs 1, 21 trials, mean 51246 ms) 1.17 [",
                "`faults-mprotect-7.csv` (no jobs recorded)")) {
            assertTrue(pace.contains(fact), "faults-throughput caption lacks '" + fact + "':\n" + pace);
        }
    }

    @Test
    void missingResultsGiveOneLineEachNamingTheCommand(@TempDir Path empty) throws IOException {
        Path results = Files.createDirectory(empty.resolve("results"));
        Figures.Result r = Figures.render(results, empty.resolve("figures"));
        assertEquals(List.of(), r.rendered());
        assertEquals(List.of(
                "macrobenchmarks: no complete results/overhead-*.csv with a verified benchmark; run ./mpk reproduce",
                "write_bytes: no results/bench-*.json with write_bytes scores; run ./mpk bench",
                "gate cost: no results/bench-*.json with gate round-trip scores; run ./mpk bench",
                "fault campaign: no results/faults-*.csv with a trial; run ./mpk faults",
                "faults throughput: no results/faults-*.csv or results/native-pku/faults-*.csv with a trial; run ./mpk faults",
                "gate crossings: no complete results/overhead-*.csv with crossings of a verified benchmark; run ./mpk reproduce",
                "sweep: no complete results/sweep-*.json; run ./mpk sweep",
                "key cache: no results/bench-*.json with ActiveDomainsBench.roundTrip scores (switch cost against virtual domains in"
                        + " use); run ./mpk bench",
                "key cache misses: no results/bench-*.json with KeyCacheBench.hit or KeyCacheBench.miss scores; run ./mpk bench",
                "netbench throughput: no complete results/netbench-*.json; run ./mpk netbench",
                "netbench requests: no complete results/netbench-*.json; run ./mpk netbench"),
                r.skipped());
    }

    @Test
    void someResultsGiveSomeFigures(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.copy(FIXTURE.resolve("faults-mprotect-7.csv"), results.resolve("faults-mprotect-7.csv"));
        Figures.Result r = Figures.render(results, dir.resolve("figures"));
        assertEquals(List.of("faults"), r.rendered().stream().map(Figures.Rendered::name).toList());
        assertEquals(List.of(results.resolve("faults-mprotect-7.csv")), r.rendered().getFirst().sources());
        // Its campaign records no jobs, so its pace is not drawn: one skip line more.
        assertEquals(10, r.skipped().size(), r.skipped().toString());
        assertTrue(r.skipped().contains("faults throughput: none of 1 campaign file in results/faults-*.csv or"
                + " results/native-pku/faults-*.csv records its jobs and trial times; run ./mpk faults"), r.skipped().toString());
        assertTrue(r.skipped().stream().noneMatch(s -> s.contains("\n")));
    }

    @Test
    void aBadFileStopsEverythingBeforeAnyFigureIsWritten(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.copy(FIXTURE.resolve("faults-mprotect-7.csv"), results.resolve("faults-mprotect-7.csv"));
        Files.writeString(results.resolve("bench-broken.json"), "{\"provenance\": {}, \"jmh\": [{\"benchmark\": 1}]}");
        Figures.CannotDrawException e = assertThrows(Figures.CannotDrawException.class, () -> Figures.render(results, dir.resolve("figures")));
        assertEquals(results.resolve("bench-broken.json") + ": no \"jmh[0].primaryMetric\"", e.getMessage());
        assertFalse(Files.exists(dir.resolve("figures")), "nothing written");
    }

    @Test
    void noResultsFolderIsAnError(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> Figures.render(dir.resolve("nothing"), dir.resolve("figures")));
    }

    @Test
    void renderingAgainReplacesTheFiles() throws IOException {
        Set<Path> before;
        try (Stream<Path> s = Files.list(out)) {
            before = s.collect(Collectors.toSet());
        }
        Figures.render(FIXTURE, out);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(before, s.collect(Collectors.toSet()), "no leftovers (.tmp) and nothing new");
        }
    }

    private static String caption(String name) throws IOException {
        return Files.readString(out.resolve(name + ".caption.md"));
    }

    /** Share of pixels that are not white. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    ink++;
                }
            }
        }
        return ink / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
    }
}
