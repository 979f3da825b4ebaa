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

    @TempDir
    Path dir;

    @Test
    void drawsWhatTheResultsAllowAndNamesTheCommandsForTheRest() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.writeString(results.resolve("overhead-mprotect-20261125-032211.csv"), """
                # backend: mprotect
                # cpu: Intel(R) Xeon(R) Processor
                # cores: 2
                # pku: no
                # inside_qemu: no
                # jdk: 25.0.3+9-LTS (Eclipse Adoptium)
                # commit: cdf415128055-dirty
                # date: 2026-11-25T03:22:11.092668406Z
                # command: ./mpk reproduce --quick
                # complete: true
                # isolated_backend: mprotect
                benchmark,args,vanilla_s,isolated_s,slowdown,ci_low,ci_high,p_value,verified,syscalls_per_run,unsafe_calls_per_run,crossings_per_s,projected_mpk_low,projected_mpk_high
                npb-ep,--class S,0.364401,0.352073,-0.0337799,-0.0949616,0.0274019,0.0967663,true,7.00000,2.00000,23.2202,3.43240e-07,4.69121e-06
                whetstone,--size small,0.0600740,0.0685295,0.174011,-3.74499,4.09301,0.712051,true,6.00000,2.00000,62.0707,1.18512e-06,1.61975e-05
                """);
        Path out = dir.resolve("figures");
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(5, lines.size(), o.out());
        assertTrue(lines.getFirst().startsWith("figure: ") && lines.getFirst().endsWith("macrobenchmarks-mprotect.{png,svg,pdf,caption.md}"), o.out());
        assertTrue(lines.get(1).endsWith("crossings.{png,svg,pdf,caption.md}"), o.out());
        assertEquals(List.of("skipped: write_bytes: no results/bench-*.json with write_bytes scores; run ./mpk bench",
                "skipped: gate cost: no results/bench-*.json with gate round-trip scores; run ./mpk bench",
                "skipped: fault campaign: no results/faults-*.csv with a trial; run ./mpk faults"), lines.subList(2, 5));
        for (String ext : List.of(".png", ".svg", ".pdf", ".caption.md")) {
            assertTrue(Files.size(out.resolve("macrobenchmarks-mprotect" + ext)) > 0, ext);
        }
    }

    @Test
    void nothingToDrawIsStatusOne() throws Exception {
        Path results = Files.createDirectory(dir.resolve("results"));
        CliHarness.Outcome o = CliHarness.mpk("figures", "--results", results.toString(), "--out", dir.resolve("f").toString());
        assertEquals(1, o.status(), o.out() + o.err());
        assertEquals(5, o.out().lines().filter(l -> l.startsWith("skipped: ") && l.contains("; run ./mpk ")).count(), o.out());
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
