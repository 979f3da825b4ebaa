package mpkernel.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import mpkernel.results.BadResultFile;
import mpkernel.results.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault campaigns' pace: the estimate and its interval, the place of a campaign, which files
 * are read (the results folder and its {@code native-pku/}), and the figure and its caption.
 * Fixture: src/test/resources/throughput/results, four small campaign files written by hand
 * (guest, host, native PKU, and one that records no jobs).
 */
class FaultThroughputFigureTest {

    static final Path FIXTURE = Path.of("src/test/resources/throughput/results");

    /** Student t 97.5% quantiles for 2 and 1 degrees of freedom, from tables. */
    private static final double T2 = 4.302653;
    private static final double T1 = 12.706205;

    @Test
    void theEstimateIsJobsTimesAMinuteOverTheMeanTrialTime() {
        TrialRate r = TrialRate.of(1, List.of(30_000.0, 36_000.0, 42_000.0));
        assertEquals(36_000, r.meanMillis(), 1e-9);
        assertEquals(60_000.0 / 36_000, r.perMinute(), 1e-12);
        double half = T2 * 6_000 / Math.sqrt(3);
        assertEquals(60_000 / (36_000 + half), r.low(), 1e-5);
        assertEquals(60_000 / (36_000 - half), r.high(), 1e-5);
        assertEquals(3, r.trials());

        TrialRate eight = TrialRate.of(8, List.of(800.0, 1_000.0));
        assertEquals(8 * 60_000.0 / 900, eight.perMinute(), 1e-9, "jobs multiply the rate");
        assertEquals(8 * 60_000 / (900 + T1 * 100), eight.low(), 1e-3);
        assertEquals(Double.POSITIVE_INFINITY, eight.high(), "the mean's interval reaches below zero: no upper end");

        TrialRate steady = TrialRate.of(2, List.of(600.0, 600.0, 600.0));
        assertEquals(200, steady.perMinute(), 1e-9);
        assertEquals(200, steady.low(), 1e-9);
        assertEquals(200, steady.high(), 1e-9);

        TrialRate one = TrialRate.of(1, List.of(1_000.0));
        assertEquals(60, one.perMinute(), 1e-9);
        assertFalse(one.hasInterval());
        assertTrue(Double.isNaN(one.high()));
    }

    @Test
    void noRateWithoutJobsOrTrialsOrTime() {
        assertThrows(IllegalArgumentException.class, () -> TrialRate.of(0, List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> TrialRate.of(1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> TrialRate.of(1, List.of(0.0, 0.0)));
    }

    @Test
    void thePlaceComesFromInsideQemuThenPku() {
        assertEquals(CampaignPlace.HOST, place("no", "no"));
        assertEquals(CampaignPlace.NATIVE_PKU, place("no", "yes"));
        assertEquals(CampaignPlace.GUEST, place("yes", "yes"));
        assertEquals(CampaignPlace.GUEST, place("yes", "no"), "the guest emulates PKU whatever the host has");
        assertEquals(CampaignPlace.HOST, place("false", "false"));
        assertEquals(CampaignPlace.UNKNOWN, CampaignPlace.of(Provenance.NONE), "nothing recorded");
        assertEquals(CampaignPlace.UNKNOWN, place("no", "maybe"));
    }

    @Test
    void everyCampaignFileIsReadOnItsOwnIncludingNativePku() throws BadResultFile {
        FaultRates.Reading reading = FaultRates.read(new ResultsFolder(FIXTURE, Figures.Options.DEFAULT));
        assertEquals(List.of("none, host", "mpk, native PKU", "mpk, PKU guest (QEMU TCG)"),
                reading.campaigns().stream().map(FaultThroughputFigure::category).toList());
        FaultRates.Campaign nativePku = reading.campaigns().get(1);
        assertEquals("native-pku/faults-mpk-1.csv", nativePku.origin().shown());
        assertFalse(nativePku.origin().smoke(), "a folder below the results is no smoke run unless it is quick/");
        assertEquals(8, nativePku.rate().jobs());
        assertEquals(200, reading.campaigns().getFirst().rate().perMinute(), 1e-9);
        assertEquals(List.of("faults-mprotect-1.csv"), reading.leftOut().stream().map(l -> l.origin().shown()).toList());
        assertEquals("no jobs recorded", reading.leftOut().getFirst().why());
        assertEquals(4, reading.withTrials());
    }

    @Test
    void theFigureDrawsAndItsCaptionGivesEveryEstimateAndTheTarget(@TempDir Path dir) throws IOException {
        Figures.Result r = Figures.render(FIXTURE, dir);
        Figures.Rendered throughput = r.rendered().stream().filter(f -> f.name().equals("faults-throughput")).findFirst().orElseThrow();
        assertEquals(3, throughput.sources().size(), "the file without jobs is no source");
        assertTrue(throughput.sources().contains(FIXTURE.resolve("native-pku/faults-mpk-1.csv")), throughput.sources().toString());
        BufferedImage png = ImageIO.read(dir.resolve("faults-throughput.png").toFile());
        assertEquals(Look.WIDTH, png.getWidth());
        assertTrue(png.getHeight() > 540 && png.getHeight() < 760, "height " + png.getHeight());
        String caption = Files.readString(dir.resolve("faults-throughput.caption.md"));
        for (String fact : List.of("estimated from per-trial wall times × jobs (an upper bound: the campaign's own time between trials is left out)",
                "`faults-mpk-1.csv` (mpk, PKU guest (QEMU TCG), jobs 1, 3 trials, mean 36000 ms, emulated) 1.67 [1.18, 2.84] trials/min",
                "`faults-none-1.csv` (none, host, jobs 2, 4 trials, mean 600 ms) 200 [200, 200] trials/min",
                "`native-pku/faults-mpk-1.csv` (mpk, native PKU, jobs 8, 2 trials, mean 900 ms) 533 [221, unbounded] trials/min",
                "`faults-mpk-1.csv` 1.67 trials/min, below it even as an upper bound: not met",
                "Not drawn, no pace to estimate: `faults-mprotect-1.csv` (no jobs recorded).",
                "backend mpk, native PKU, jobs 8; machine Intel(R) Xeon(R) Processor, 10 cores; PKU, on the host (not QEMU)",
                "commit 2f14c8f8f44f", "commit 0123456789ab")) {
            assertTrue(caption.contains(fact), "caption lacks '" + fact + "':\n" + caption);
        }
    }

    @Test
    void filesWithoutJobsGiveOneSkipLine(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.copy(FIXTURE.resolve("faults-mprotect-1.csv"), results.resolve("faults-mprotect-1.csv"));
        Figures.Result r = Figures.render(results, dir.resolve("figures"));
        assertEquals(List.of("faults"), r.rendered().stream().map(Figures.Rendered::name).toList());
        assertTrue(r.skipped().contains("faults throughput: none of 1 campaign file in results/faults-*.csv or"
                + " results/native-pku/faults-*.csv records its jobs and trial times; run ./mpk faults"), r.skipped().toString());
    }

    @Test
    void aTrialWithoutATimeIsABadFile(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Path file = results.resolve("faults-none-1.csv");
        Files.writeString(file, Files.readString(FIXTURE.resolve("faults-none-1.csv")).replace(",-,600\n3,", ",-,soon\n3,")
                + "4,control,-,-,BENIGN,-,-,0,-,-5\n");
        BadResultFile e = assertThrows(BadResultFile.class, () -> FaultRates.read(new ResultsFolder(results, Figures.Options.DEFAULT)));
        assertEquals(file + ": malformed rows at lines 18, 20 (a trial's millis must be its wall time in milliseconds, 0 or more)",
                e.getMessage());
    }

    @Test
    void aSmokeRunInNativePkuIsLeftOutUnlessIncluded(@TempDir Path dir) throws IOException, BadResultFile {
        Path results = Files.createDirectory(dir.resolve("results"));
        Path nativePku = Files.createDirectory(results.resolve(ResultsFolder.NATIVE_PKU));
        Files.writeString(nativePku.resolve("faults-mpk-1.csv"),
                Files.readString(FIXTURE.resolve("native-pku/faults-mpk-1.csv")).replace("--jobs 8", "--jobs 8 --quick"));
        assertTrue(FaultRates.read(new ResultsFolder(results, Figures.Options.DEFAULT)).campaigns().isEmpty());
        FaultRates.Reading included = FaultRates.read(new ResultsFolder(results, new Figures.Options(true, false)));
        assertEquals(1, included.campaigns().size());
        assertTrue(included.campaigns().getFirst().origin().smoke());
    }

    @Test
    void aMergedFileSaysItsPaceIsOneShards(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.writeString(results.resolve("faults-none-1.csv"), Files.readString(FIXTURE.resolve("faults-none-1.csv"))
                .replace("# jobs: 2\n", "# jobs: 2\n# merged_from: faults-none-1-shard1of2.csv faults-none-1-shard2of2.csv\n"));
        Figures.render(results, dir.resolve("figures"));
        String caption = Files.readString(dir.resolve("figures/faults-throughput.caption.md"));
        assertTrue(caption.contains("(none, host, jobs 2, 4 trials, mean 600 ms, merged from 2 shards: one shard's pace) 200"), caption);
        assertTrue(caption.contains("No `mpk` campaign in the guest, so the target is not measured."), caption);
    }

    @Test
    void guestsSideBySideCountAsWorkersAndTheirOwnPaceIsQuoted(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.writeString(results.resolve("faults-mpk-1.csv"), Files.readString(FIXTURE.resolve("faults-mpk-1.csv"))
                .replace("# jobs: 1\n", "# jobs: 1\n# merged_from: faults-mpk-1-shard1of2.csv faults-mpk-1-shard2of2.csv\n# guests: 2\n"
                        + "# guest_pace: 3 trials in 1.0 min = 3.0 trials/min (wall clock)\n"));
        Figures.render(results, dir.resolve("figures"));
        String caption = Files.readString(dir.resolve("figures/faults-throughput.caption.md"));
        // two guests at one trial at a time each: twice the single worker's 1.67 trials/min
        assertTrue(caption.contains("jobs 2, 3 trials, mean 36000 ms, emulated, merged from 2 guests run side by side (jobs counts all of them);"
                + " the campaign's own pace: 3 trials in 1.0 min = 3.0 trials/min (wall clock)) 3.33"), caption);
    }

    private static CampaignPlace place(String insideQemu, String pku) {
        return CampaignPlace.of(new Provenance(Map.of("inside_qemu", insideQemu, "pku", pku)));
    }
}
