package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./mpk figures}: figures from result files, one line per figure written or skipped. */
class FiguresCommandTest {

    /** An overhead run as ./mpk reproduce wrote it before the verdict columns; {@code %s} is its command's options. */
    private static final String OVERHEAD = """
                # backend: mprotect
                # cpu: Intel(R) Xeon(R) Processor
                # cores: 2
                # pku: no
                # inside_qemu: no
                # jdk: 25.0.3+9-LTS (Eclipse Adoptium)
                # commit: cdf415128055-dirty
                # date: 2026-11-25T03:22:11.092668406Z
                # command: ./mpk reproduce%s
                # complete: true
                # isolated_backend: mprotect
                benchmark,args,vanilla_s,isolated_s,slowdown,ci_low,ci_high,p_value,verified,syscalls_per_run,unsafe_calls_per_run,crossings_per_s,projected_mpk_low,projected_mpk_high
                npb-ep,--class S,0.364401,0.352073,-0.0337799,-0.0949616,0.0274019,0.0967663,true,7.00000,2.00000,23.2202,3.43240e-07,4.69121e-06
                whetstone,--size small,0.0600740,0.0685295,0.174011,-3.74499,4.09301,0.712051,true,6.00000,2.00000,62.0707,1.18512e-06,1.61975e-05
                """;

    @TempDir
    Path dir;

    @Test
    void drawsWhatTheResultsAllowAndNamesTheCommandsForTheRest() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.writeString(results.resolve("overhead-mprotect-20261125-032211.csv"), OVERHEAD.formatted(" --benchmarks npb-ep,whetstone"));
        Path out = dir.resolve("figures");
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(11, lines.size(), o.out());
        assertTrue(lines.getFirst().startsWith("figure: ") && lines.getFirst().endsWith("macrobenchmarks-mprotect.{png,svg,pdf,caption.md}"), o.out());
        assertTrue(lines.get(1).endsWith("crossings.{png,svg,pdf,caption.md}"), o.out());
        assertEquals(List.of("skipped: write_bytes: no results/bench-*.json with write_bytes scores; run ./mpk bench",
                "skipped: gate cost: no results/bench-*.json with gate round-trip scores; run ./mpk bench",
                "skipped: fault campaign: no results/faults-*.csv with a trial; run ./mpk faults",
                "skipped: faults throughput: no results/faults-*.csv or results/native-pku/faults-*.csv with a trial; run ./mpk faults",
                "skipped: sweep: no complete results/sweep-*.json; run ./mpk sweep",
                "skipped: key cache: no results/bench-*.json with ActiveDomainsBench.roundTrip scores (switch cost against virtual domains in use); run ./mpk bench",
                "skipped: key cache misses: no results/bench-*.json with KeyCacheBench.hit or KeyCacheBench.miss scores; run ./mpk bench",
                "skipped: netbench throughput: no complete results/netbench-*.json; run ./mpk netbench",
                "skipped: netbench requests: no complete results/netbench-*.json; run ./mpk netbench"),
                lines.subList(2, 11));
        for (String ext : List.of(".png", ".svg", ".pdf", ".caption.md")) {
            assertTrue(Files.size(out.resolve("macrobenchmarks-mprotect" + ext)) > 0, ext);
        }
    }

    @Test
    void nothingToDrawIsStatusOne() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", dir.resolve("f").toString());
        assertEquals(1, o.status(), o.out() + o.err());
        assertEquals(11, o.out().lines().filter(l -> l.startsWith("skipped: ") && l.contains("; run ./mpk ")).count(), o.out());
    }

    @Test
    void smokeRunsAreDrawnOnlyWhenIncludedAndThenSaySo() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        Path quick = Files.createDirectory(results.resolve("quick"));
        Files.writeString(quick.resolve("overhead-mprotect-20261125-032211.csv"), OVERHEAD.formatted(" --quick"));
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", dir.resolve("a").toString());
        assertEquals(1, o.status(), o.out() + o.err());
        assertTrue(o.out().lines().allMatch(l -> l.startsWith("skipped: ")), o.out());

        o = CliHarness.mpk("figures", "--results", results.toString(), "--out", dir.resolve("b").toString(), "--include-quick");
        assertEquals(0, o.status(), o.out() + o.err());
        String caption = Files.readString(dir.resolve("b/macrobenchmarks-mprotect.caption.md"));
        assertTrue(caption.contains("smoke run, not a measurement") && caption.contains("`quick/overhead-mprotect-20261125-032211.csv`"), caption);
    }

    @Test
    void faultCampaignsOfDifferentSeedsArePooledOnlyWhenAsked() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.writeString(results.resolve("faults-mprotect-1.csv"), campaign(1, "Intel(R) Xeon(R) Processor", "2026-11-25T06:00:00Z", "BENIGN"));
        Files.writeString(results.resolve("faults-mprotect-7.csv"), campaign(7, "AMD EPYC 7763 64-Core Processor", "2026-11-26T06:00:00Z",
                "DETECTED_BY_ISOLATION"));
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", dir.resolve("a").toString());
        assertEquals(0, o.status(), o.out() + o.err());
        String one = Files.readString(dir.resolve("a/faults.caption.md"));
        assertTrue(one.contains("drawn from `faults-mprotect-7.csv` (seed 7)") && one.contains("not drawn, being another campaign"), one);
        assertTrue(one.contains("wild-write 3/3 = 100.0%"), one);

        o = CliHarness.mpk("figures", "--results", results.toString(), "--out", dir.resolve("b").toString(), "--pool");
        assertEquals(0, o.status(), o.out() + o.err());
        String pooled = Files.readString(dir.resolve("b/faults.caption.md"));
        assertTrue(pooled.contains("pooled from `faults-mprotect-1.csv`, `faults-mprotect-7.csv` (seeds 1, 7)"), pooled);
        assertTrue(pooled.contains("wild-write 3/6 = 50.0%"), pooled);
    }

    @Test
    void aBadResultFileIsOneLineAndStatusTwo() throws Exception {
        Path rows = Files.createDirectories(dir.resolve("rows/results"));
        Files.writeString(rows.resolve("faults-mprotect-1.csv"), campaign(1, "Intel(R) Xeon(R) Processor", "2026-11-25T06:00:00Z", "BENIGN")
                + "4,wild-write\n5,wild-read,UNSAFE_KERNEL,SAFE_KERNEL,\n");
        assertOneLine(rows, "mpk: figures: " + rows.resolve("faults-mprotect-1.csv")
                + ": malformed rows at lines 11, 12 (a trial needs a model and an outcome such as DETECTED_BY_ISOLATION)");

        Path folder = Files.createDirectories(dir.resolve("folder/results"));
        Files.createDirectory(folder.resolve("sweep-20261126-090000.json"));
        assertOneLine(folder, "mpk: figures: " + folder.resolve("sweep-20261126-090000.json") + ": a folder, not a result file");

        Path binary = Files.createDirectories(dir.resolve("binary/results"));
        Files.write(binary.resolve("bench-20261125-050013.json"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertOneLine(binary, "mpk: figures: " + binary.resolve("bench-20261125-050013.json") + ": a binary file, not a result file");
    }

    private void assertOneLine(Path results, String expected) {
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", results.resolveSibling("figures").toString());
        assertEquals(Main.USAGE, o.status(), o.out() + o.err());
        assertEquals("", o.out());
        assertEquals(expected, o.err().strip());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    /** A fault campaign of three trials per model, wild-write ending in {@code outcome}. */
    private static String campaign(int seed, String cpu, String date, String outcome) {
        StringBuilder sb = new StringBuilder("""
                # backend: mprotect
                # cpu: %s
                # cores: 2
                # commit: 0123456789ab
                # date: %s
                # seed: %d
                trial,model,source,target,outcome
                """.formatted(cpu, date, seed));
        for (int t = 1; t <= 3; t++) {
            sb.append(t).append(",wild-write,UNSAFE_KERNEL,SAFE_KERNEL,").append(outcome).append('\n');
        }
        return sb.toString();
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String[] args : List.of(new String[] {"figures", "--results", dir.resolve("missing").toString()},
                new String[] {"figures", "--results", dir.toString(), "--out", file.toString()},
                new String[] {"figures", "--colour"})) {
            CliHarness.Outcome o = CliHarness.mpk(args);
            assertEquals(Main.USAGE, o.status(), String.join(" ", args) + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("mpk: "), o.err());
        }
    }
}
