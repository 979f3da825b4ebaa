package mpkernel.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import mpkernel.results.BadResultFile;
import mpkernel.results.JmhResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers of the result formats, on the fixture and on edge cases. */
class ReadersTest {

    static final Path FIXTURE = FiguresTest.FIXTURE;
    static final ResultsFolder MEASUREMENTS = new ResultsFolder(FIXTURE, Figures.Options.DEFAULT);
    static final ResultsFolder WITH_SMOKE = new ResultsFolder(FIXTURE, new Figures.Options(true, false));

    @Test
    void overheadTakesTheNewestCompleteMeasurementPerBackend() throws BadResultFile {
        Map<String, OverheadResults.Run> runs = OverheadResults.newestPerBackend(MEASUREMENTS);
        assertEquals(List.of("mpk-dry", "mprotect"), List.copyOf(runs.keySet()));
        OverheadResults.Run mprotect = runs.get("mprotect");
        // The older complete file, the newer interrupted one (complete: false) and the smoke run in quick/ are passed over.
        assertEquals("overhead-mprotect-20261125-032211.csv", mprotect.origin().shown());
        assertFalse(mprotect.origin().smoke());
        assertEquals("0123456789ab", mprotect.provenance().commit());
        assertEquals(10, mprotect.rows().size());
        assertEquals(9, mprotect.verified().size());
        OverheadResults.Row mg = mprotect.rows().get(3);
        assertEquals("npb-mg", mg.benchmark());
        assertFalse(mg.verified());
        assertTrue(Double.isNaN(mg.vanillaSeconds()), "empty cells read as NaN");
        assertEquals(0.004, mprotect.rows().getFirst().slowdown(), 1e-12);
        assertEquals("EQUIVALENT", mprotect.rows().get(2).verdict());
        OverheadResults.Suite suite = mprotect.suite().orElseThrow();
        assertEquals(0.0055, suite.slowdown(), 1e-12);
        assertEquals(9, suite.benchmarks());
        // mpk-dry: the newer file is marked as a smoke run only in the JSON beside it.
        assertEquals("overhead-mpk-dry-20261125-050000.csv", runs.get("mpk-dry").origin().shown());
        assertEquals("", runs.get("mpk-dry").rows().getFirst().verdict(), "a file from before the verdicts still reads");
    }

    @Test
    void smokeRunsCountOnlyWhenIncluded() throws BadResultFile {
        Map<String, OverheadResults.Run> runs = OverheadResults.newestPerBackend(WITH_SMOKE);
        assertEquals("quick/overhead-mprotect-20261127-120000.csv", runs.get("mprotect").origin().shown());
        assertTrue(runs.get("mprotect").origin().smoke());
        assertEquals("overhead-mpk-dry-20261127-130000.csv", runs.get("mpk-dry").origin().shown());
        assertTrue(runs.get("mpk-dry").origin().smoke(), "settings.quick in the JSON marks it");
        // The top-level bench file says --quick in its command, and is newer than the one in quick/.
        assertEquals("bench-20261127-150000.json", BenchResults.newestWith(WITH_SMOKE, BenchMapping::isRoundTrip).orElseThrow().origin().shown());
        assertEquals("bench-20261125-041000.json", BenchResults.newestWith(MEASUREMENTS, BenchMapping::isRoundTrip).orElseThrow().origin().shown());
        assertEquals("sweep-20261127-110000.json", SweepResults.newest(WITH_SMOKE).orElseThrow().origin().shown());
        assertEquals("sweep-20261126-090000.json", SweepResults.newest(MEASUREMENTS).orElseThrow().origin().shown());
    }

    @Test
    void theSampleFromReproduceReads(@TempDir Path dir) throws BadResultFile, java.io.IOException {
        // As OverheadReport writes it today (from a run of ./mpk reproduce --benchmarks npb-ep,whetstone), command trimmed.
        String sample = """
                # backend: mprotect
                # cpu: Intel(R) Xeon(R) Processor
                # cpu_mhz: 2600
                # cores: 2
                # host_kernel: 6.18.44-fc-v669
                # hypervisor: yes
                # pku: no
                # inside_qemu: no
                # jdk: 25.0.3+9-LTS (Eclipse Adoptium)
                # commit: 4bc1cc910eb5
                # date: 2026-11-29T22:03:02.028494904Z
                # command: ./mpk reproduce --benchmarks npb-ep,whetstone
                # load_before: 3.47 2.33 1.61
                # load_after: 3.32 2.33 1.62
                # complete: true
                # isolated_backend: mprotect
                # order: ABBA, pairs: 2, margin: 0.01
                # estimator: paired log ratio: slowdown = exp(mean ln(isolated/vanilla)) - 1 over ABBA pairs, Student t 95% CI and t-test p of the same mean, TOST equivalence with the 90% CI
                benchmark,args,vanilla_s,isolated_s,slowdown,ci_low,ci_high,p_value,tost_p,verdict,pairs,verified,syscalls_per_run,unsafe_calls_per_run,crossings_per_s,projected_mpk_low,projected_mpk_high
                npb-ep,--class S,0.495547,0.449868,-0.0921790,-0.512655,0.691077,0.298341,0.836307,INCONCLUSIVE,2,true,8.00000,2.00000,20.3342,2.66372e-07,3.60747e-06
                whetstone,--size small,0.0991613,0.0909112,-0.0831982,-0.773656,2.71349,0.574731,0.693915,INCONCLUSIVE,2,true,7.00000,2.00000,59.0536,7.53635e-07,1.02065e-05
                """;
        Files.writeString(dir.resolve("overhead-mprotect-20261129-220302.csv"), sample);
        OverheadResults.Run run = OverheadResults.newestPerBackend(new ResultsFolder(dir, Figures.Options.DEFAULT)).get("mprotect");
        assertEquals(2, run.verified().size());
        assertEquals(59.0536, run.rows().get(1).crossingsPerSecond(), 1e-9);
        assertEquals(-0.773656, run.rows().get(1).ciLow(), 1e-12);
        assertEquals("INCONCLUSIVE", run.rows().get(1).verdict());
        assertEquals("2026-11-29T22:03:02Z", run.provenance().date());
        assertEquals("Intel(R) Xeon(R) Processor, 2 cores", run.provenance().machine());
        assertTrue(run.suite().isEmpty(), "no JSON beside it");
        // The same run, as the smoke run it was: --quick in its command keeps it out.
        Files.writeString(dir.resolve("overhead-mprotect-20261129-220302.csv"), sample.replace("--benchmarks", "--quick --benchmarks"));
        assertTrue(OverheadResults.newestPerBackend(new ResultsFolder(dir, Figures.Options.DEFAULT)).isEmpty());
    }

    @Test
    void faultShardsOfOneCampaignAddUpAndOtherCampaignsAreLeftOut() throws BadResultFile {
        FaultResults.Selection s = FaultResults.select(MEASUREMENTS);
        assertEquals(List.of("none", "mpk", "mprotect"), List.copyOf(s.drawn().keySet()));
        FaultResults.Campaign mprotect = s.drawn().get("mprotect");
        assertEquals(List.of("faults-mprotect-1-shard1of2.csv", "faults-mprotect-1-shard2of2.csv"),
                mprotect.parts().stream().map(p -> p.origin().shown()).toList());
        assertEquals(7 * (12 + 8), mprotect.trials());
        assertEquals(20, mprotect.trials("wild-write"));
        assertEquals(List.of("1"), mprotect.seeds());
        assertFalse(mprotect.mixed());
        assertEquals(Map.of("BENIGN", 20), mprotect.counts().get("control"));
        assertEquals(List.of("faults-mprotect-7.csv"), s.leftOut().get("mprotect").stream().map(p -> p.origin().shown()).toList());
        assertEquals(List.of(), s.leftOut().get("none"));
    }

    @Test
    void pooledFaultCampaignsAddUp() throws BadResultFile {
        FaultResults.Selection s = FaultResults.select(new ResultsFolder(FIXTURE, new Figures.Options(false, true)));
        FaultResults.Campaign mprotect = s.drawn().get("mprotect");
        assertEquals(3, mprotect.parts().size());
        assertEquals(7 * (12 + 8) + 7 * 5, mprotect.trials());
        assertEquals(List.of("1", "7"), mprotect.seeds());
        assertTrue(mprotect.mixed());
        assertEquals(List.of(), s.leftOut().get("mprotect"));
    }

    @Test
    void benchScoresAreMappedAsDocumented() throws BadResultFile {
        BenchResults.Run run = BenchResults.newestWith(MEASUREMENTS, BenchMapping::isRoundTrip).orElseThrow();
        assertEquals(3, run.select(BenchMapping::isRoundTrip).size());
        assertEquals(1, run.select(BenchMapping::isFloor).size());
        assertEquals(3 * 21, run.select(BenchMapping::isWriteBytes).size());
        JmhResult s = run.select(BenchMapping::isWriteBytes).getLast();
        assertEquals("mprotect", BenchMapping.backend(s));
        assertEquals(1 << 20, BenchMapping.size(s).getAsLong());
        assertEquals(10, s.samples().size(), "rawData: 2 forks of 5 iterations");
        assertEquals(s.score(), s.samples().stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1e-6 * s.score());
        // Only the last two parts of a name count: the package may move.
        assertTrue(BenchMapping.isFloor(new JmhResult("mpkernel.benchmarks.GateBench.floor", Map.of(), 1, 0, "ns/op", List.of())));
        assertFalse(BenchMapping.isRoundTrip(new JmhResult("x.GateBench.roundTrip", Map.of(), 1, 0, "ns/op", List.of())), "a round trip needs its backend");
    }

    @Test
    void benchScoresAreReadInNanosecondsPerOperation(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bench-x.json"), """
                [{"benchmark": "a.GateBench.floor", "primaryMetric": {"score": 4, "scoreError": 0.4, "scoreUnit": "ops/us",
                  "rawData": [[2, 4]]}}]""");
        JmhResult floor = BenchResults.read(new ResultsFolder(dir, Figures.Options.DEFAULT), dir.resolve("bench-x.json")).scores().getFirst();
        assertEquals(250, floor.score(), 1e-9);
        assertEquals(25, floor.error(), 1e-9);
        assertEquals(List.of(500.0, 250.0), floor.samples());
    }

    @Test
    void aBareJmhArrayReadsWithUnknownProvenance(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bench-x.json"), """
                [{"benchmark": "a.GateBench.floor", "mode": "avgt",
                  "primaryMetric": {"score": 5.5, "scoreError": "NaN", "scoreUnit": "ns/op"}}]""");
        BenchResults.Run run = BenchResults.read(new ResultsFolder(dir, Figures.Options.DEFAULT), dir.resolve("bench-x.json"));
        assertEquals("unknown", run.provenance().commit());
        assertTrue(Double.isNaN(run.scores().getFirst().error()));
        assertEquals(List.of(), run.scores().getFirst().samples());
    }

    @Test
    void sweepStepsReadWithTheirIntervalsAndNaN() throws BadResultFile {
        SweepResults.Run run = SweepResults.newest(MEASUREMENTS).orElseThrow();
        assertEquals(List.of("mpk-dry", "mprotect"), run.series().stream().map(SweepResults.Series::backend).toList());
        SweepResults.Series mprotect = run.series().get(1);
        assertEquals(5, mprotect.steps().size());
        SweepResults.Step first = mprotect.steps().getFirst();
        assertEquals(80000, first.every());
        assertEquals(29.1, first.crossingsPerSecond(), 1e-12);
        assertTrue(Double.isNaN(first.ciLow()) && Double.isNaN(first.ciHigh()), "NaN in the file reads as NaN");
        assertFalse(mprotect.steps().get(3).verified());
        assertEquals(52000.0, mprotect.cost().ns(), 1e-9);
        assertTrue(mprotect.cost().verdict().startsWith("52000.0 ns [95% CI 48000.0, 56000.0]"));
    }
}
