package mpkernel.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import mpkernel.results.BadResultFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two netbench figures: what they read from the file, what their captions state, and smoke runs kept out. */
class NetbenchFigureTest {

    private static final Path FILE = FiguresTest.FIXTURE.resolve("netbench-20261125-060000.json");

    @Test
    void throughputSeriesAreTheBackendsInFigureOrderThenLinuxEachWithEverySize() throws BadResultFile {
        NetbenchResults.Run run = NetbenchResults.newest(new ResultsFolder(FiguresTest.FIXTURE, Figures.Options.DEFAULT)).orElseThrow();
        Map<String, Map<Long, NetbenchResults.Point>> series = NetbenchThroughputFigure.series(run);
        assertEquals(List.of("none", "mpk-dry", "mprotect", "linux"), List.copyOf(series.keySet()));
        series.values().forEach(s -> assertEquals(17, s.size()));
        NetbenchResults.Point p = series.get("linux").get(65536L);
        assertTrue(p.ciLow() < p.mean() && p.mean() < p.ciHigh(), p.toString());
        assertEquals(3, run.reps());
        assertEquals(18, run.requests().size(), "six tests on three backends");
    }

    @Test
    void captionsGiveTheNumbersAndTheTargetsVerdicts(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.copy(FILE, results.resolve(FILE.getFileName()));
        Figures.Result r = Figures.render(results, dir.resolve("f"));
        assertEquals(List.of("netbench-throughput", "netbench-requests"), r.rendered().stream().map(Figures.Rendered::name).toList());
        String throughput = Files.readString(dir.resolve("f/netbench-throughput.caption.md"));
        for (String fact : List.of("mean over 3 repetitions", "Student t 95% interval", "veth pair", "At 64 KB: `none`",
                "**NOT met** (none 19.7 MB/s, Linux 790 MB/s: 2.5% of Linux)", "a GET costs at most 4 gate crossings: **not measured**",
                "backend none, mpk-dry, mprotect, linux", "commit 0123456789ab")) {
            assertTrue(throughput.contains(fact), "throughput caption lacks '" + fact + "':\n" + throughput);
        }
        String requests = Files.readString(dir.resolve("f/netbench-requests.caption.md"));
        for (String fact : List.of("redis GET P1: `none` ", "wrk 64k: `none` ", "pipelining 1 (P1) and 16 (P16)", "`netbench-20261125-060000.json`")) {
            assertTrue(requests.contains(fact), "requests caption lacks '" + fact + "':\n" + requests);
        }
    }

    @Test
    void aSmokeRunIsDrawnOnlyWhenAskedAndThenSaysSo(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Path quick = Files.createDirectory(results.resolve("quick"));
        Files.writeString(quick.resolve("netbench-20261125-060000.json"), Files.readString(FILE).replace("\"quick\": false", "\"quick\": true"));
        Figures.Result plain = Figures.render(results, dir.resolve("a"));
        assertTrue(plain.skipped().contains("netbench throughput: no complete results/netbench-*.json; run ./mpk netbench"), plain.skipped().toString());
        Figures.render(results, dir.resolve("b"), new Figures.Options(true, false));
        assertTrue(Files.readString(dir.resolve("b/netbench-requests.caption.md")).contains("smoke run, not a measurement"));
    }
}
