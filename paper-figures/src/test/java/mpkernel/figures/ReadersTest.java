package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers of the three result formats, on the fixture and on edge cases. */
class ReadersTest {

    static final Path FIXTURE = FiguresTest.FIXTURE;

    @Test
    void overheadTakesTheNewestCompleteFilePerBackend() throws IOException {
        Map<String, OverheadResults.Run> runs = OverheadResults.newestPerBackend(FIXTURE);
        assertEquals(List.of("mpk-dry", "mprotect"), List.copyOf(runs.keySet()));
        OverheadResults.Run mprotect = runs.get("mprotect");
        // The older complete file and the newer interrupted one (complete: false) are passed over.
        assertEquals("overhead-mprotect-20261125-032211.csv", mprotect.file().getFileName().toString());
        assertEquals("0123456789ab", mprotect.provenance().commit());
        assertEquals(10, mprotect.rows().size());
        assertEquals(9, mprotect.verified().size());
        OverheadResults.Row mg = mprotect.rows().get(3);
        assertEquals("npb-mg", mg.benchmark());
        assertFalse(mg.verified());
        assertTrue(Double.isNaN(mg.vanillaSeconds()), "empty cells read as NaN");
        assertEquals(0.004, mprotect.rows().getFirst().slowdown(), 1e-12);
    }

    @Test
    void theSampleFromReproduceReads(@TempDir Path dir) throws IOException {
        String sample = """
                # backend: mprotect
                # cpu: Intel(R) Xeon(R) Processor
                # cores: 2
                # pku: no
                # inside_qemu: no
                # jdk: 25.0.3+9-LTS (Eclipse Adoptium)
                # commit: cdf415128055-dirty
                # date: 2026-11-25T03:22:11.092668406Z
                # command: ./mpk reproduce --benchmarks npb-ep,whetstone --forks 5 --warmup 1 --iterations 2 --quick
                # complete: true
                # isolated_backend: mprotect
                benchmark,args,vanilla_s,isolated_s,slowdown,ci_low,ci_high,p_value,verified,syscalls_per_run,unsafe_calls_per_run,crossings_per_s,projected_mpk_low,projected_mpk_high
                npb-ep,--class S,0.364401,0.352073,-0.0337799,-0.0949616,0.0274019,0.0967663,true,7.00000,2.00000,23.2202,3.43240e-07,4.69121e-06
                whetstone,--size small,0.0600740,0.0685295,0.174011,-3.74499,4.09301,0.712051,true,6.00000,2.00000,62.0707,1.18512e-06,1.61975e-05
                """;
        Files.writeString(dir.resolve("overhead-mprotect-20261125-032211.csv"), sample);
        OverheadResults.Run run = OverheadResults.newestPerBackend(dir).get("mprotect");
        assertEquals(2, run.verified().size());
        assertEquals(62.0707, run.rows().get(1).crossingsPerSecond(), 1e-9);
        assertEquals("2026-11-25T03:22:11Z", run.provenance().date());
        assertEquals("Intel(R) Xeon(R) Processor, 2 cores", run.provenance().machine());
    }

    @Test
    void csvFieldsMayBeQuoted() {
        assertEquals(List.of("1", "wild-write", "wrote 8 bytes, at \"offset\" 64", ""),
                CommentedCsv.split("1,wild-write,\"wrote 8 bytes, at \"\"offset\"\" 64\","));
    }

    @Test
    void faultShardsOfABackendAddUp() throws IOException {
        Map<String, FaultResults.Campaign> c = FaultResults.perBackend(FIXTURE);
        assertEquals(List.of("none", "mpk", "mprotect"), List.copyOf(c.keySet()));
        FaultResults.Campaign mprotect = c.get("mprotect");
        assertEquals(2, mprotect.sources().size());
        assertEquals(7 * (12 + 8), mprotect.trials());
        assertEquals(20, mprotect.trials("wild-write"));
        assertEquals(List.of("1", "2"), FaultResults.seeds(mprotect));
        assertEquals(Map.of("BENIGN", 20), mprotect.counts().get("control"));
    }

    @Test
    void benchScoresAreMappedAsDocumented() throws IOException {
        BenchResults.Run run = BenchResults.newestWith(FIXTURE, BenchMapping::isRoundTrip).orElseThrow();
        assertEquals(3, run.select(BenchMapping::isRoundTrip).size());
        assertEquals(1, run.select(BenchMapping::isFloor).size());
        assertEquals(3 * 21, run.select(BenchMapping::isWriteBytes).size());
        JmhScore s = run.select(BenchMapping::isWriteBytes).getLast();
        assertEquals("mprotect", BenchMapping.backend(s));
        assertEquals(1 << 20, BenchMapping.size(s).getAsLong());
        // Only the last two parts of a name count: the package may move.
        assertTrue(BenchMapping.isFloor(new JmhScore("mpkernel.benchmarks.GateBench.floor", Map.of(), 1, 0)));
        assertFalse(BenchMapping.isRoundTrip(new JmhScore("x.GateBench.roundTrip", Map.of(), 1, 0)), "a round trip needs its backend");
    }

    @Test
    void jmhUnitsBecomeNanosecondsPerOperation() {
        assertEquals(2500, JmhScore.of("b", Map.of(), 2.5, 0.1, "us/op").ns(), 1e-9);
        assertEquals(100, JmhScore.of("b", Map.of(), 2.5, 0.1, "us/op").errorNs(), 1e-9);
        assertEquals(250, JmhScore.of("b", Map.of(), 4, 0.4, "ops/us").ns(), 1e-9);
        assertEquals(25, JmhScore.of("b", Map.of(), 4, 0.4, "ops/us").errorNs(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> JmhScore.of("b", Map.of(), 1, 0, "furlongs"));
    }

    @Test
    void aBareJmhArrayReadsWithUnknownProvenance(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bench-x.json"), """
                [{"benchmark": "a.GateBench.floor", "mode": "avgt",
                  "primaryMetric": {"score": 5.5, "scoreError": "NaN", "scoreUnit": "ns/op"}}]""");
        BenchResults.Run run = BenchResults.read(dir.resolve("bench-x.json"));
        assertEquals("unknown", run.provenance().commit());
        assertTrue(Double.isNaN(run.scores().getFirst().errorNs()));
    }
}
