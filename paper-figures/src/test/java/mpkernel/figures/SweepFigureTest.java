package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.results.BadResultFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep figure from the fixture's sweep: one series per backend, and every step that a log
 * axis cannot place drawn otherwise and counted in the caption, none dropped.
 */
class SweepFigureTest {

    static final Path FIXTURE = FiguresTest.FIXTURE;

    @Test
    void oneSeriesPerBackendAndEveryVerifiedStepIsDrawn() throws BadResultFile {
        SweepResults.Run run = SweepResults.newest(ReadersTest.MEASUREMENTS).orElseThrow();
        List<SweepFigure.Series> series = SweepFigure.series(run);
        assertEquals(List.of("mpk-dry", "mprotect"), series.stream().map(SweepFigure.Series::backend).toList());
        assertTrue(series.get(0).tone() != series.get(1).tone(), "the backends look different");

        SweepFigure.Series dry = series.get(0);
        assertEquals(5, dry.points().size());
        assertEquals(4, dry.count(PointLayer.Kind.VALUE));
        PointLayer.Point bound = dry.points().getFirst();
        assertEquals(PointLayer.Kind.UPPER_BOUND, bound.kind(), "slowdown -0.4%, interval up to +1.2%");
        assertEquals(1.2, bound.y(), 1e-9, "drawn at the interval's upper end, in percent");
        assertEquals(30.5, bound.x(), 1e-9);
        PointLayer.Point value = dry.points().get(2);
        assertEquals(1.2, value.y(), 1e-9);
        assertEquals(0.4, value.low(), 1e-9);
        assertEquals(2.0, value.high(), 1e-9);

        SweepFigure.Series mprotect = series.get(1);
        assertEquals(4, mprotect.points().size(), "the unverified step is left out");
        assertEquals(1, mprotect.unverified());
        assertEquals(2, mprotect.count(PointLayer.Kind.ON_FLOOR), "no interval, and an interval below zero");
        assertEquals(2, mprotect.count(PointLayer.Kind.VALUE));
    }

    @Test
    void theCaptionCountsWhatIsNotDrawnAsAValueAndQuotesTheFile(@TempDir Path out) throws IOException {
        Figures.Result r = Figures.render(FIXTURE, out);
        assertTrue(r.rendered().stream().anyMatch(f -> f.name().equals("sweep")));
        String caption = Files.readString(out.resolve("sweep.caption.md"));
        for (String fact : List.of("Of the 9 steps drawn",
                "1 step with a slowdown of zero or less, which a log axis cannot place, is drawn as an upper bound",
                "2 steps with a slowdown of zero or less and no positive upper end (or no interval) sit on the axis floor",
                "1 interval of positive slowdowns reaches below the axis floor",
                "1 step whose output was wrong on a build is not drawn",
                "`mpk-dry` 40.2 ns [95% CI 35.1, 45.3]",
                "the file's verdict: \"40.2 ns [95% CI 35.1, 45.3]; 5.91x the JMH round trip 6.8 ns: DISAGREES beyond 2x\"",
                "`mprotect` 52000.0 ns [95% CI 48000.0, 56000.0]",
                "Vahldiek-Oberwagner et al.", "USENIX Security'19", "100,000 switches per second", "0.6%",
                "from `overhead-mpk-dry-20261125-050000.csv`: npb-cg 1212/s", // the newest measurement, whatever its backend
                "`sweep-20261126-090000.json`: backend mpk-dry, mprotect vs none; machine Intel(R) Xeon(R) Processor, 2 cores",
                "commit 0123456789ab")) {
            assertTrue(caption.contains(fact), "lacks '" + fact + "':\n" + caption);
        }
    }

    @Test
    void withoutAnOverheadRunTheMacrobenchmarkTicksAreLeftOutAndSaidSo(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.copy(FIXTURE.resolve("sweep-20261126-090000.json"), results.resolve("sweep-20261126-090000.json"));
        Figures.Result r = Figures.render(results, dir.resolve("out"));
        assertEquals(List.of("sweep"), r.rendered().stream().map(Figures.Rendered::name).toList());
        String caption = Files.readString(dir.resolve("out/sweep.caption.md"));
        assertTrue(caption.contains("No complete overhead run (`./mpk reproduce`) is there to mark the macrobenchmarks' own crossing rates"),
                caption);
    }
}
