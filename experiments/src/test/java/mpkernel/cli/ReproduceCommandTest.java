package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./mpk reproduce} end to end at CI size, each fork a real kernel JVM. */
class ReproduceCommandTest {

    @TempDir
    Path out;

    @Test
    void quickRunVerifiesAndWritesParsableResults() throws Exception {
        CliHarness.Outcome o = CliHarness.mpk("reproduce", "--quick", "--benchmarks", "npb-is,linpack", "--backend", "mprotect",
                "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("suite (mprotect vs none, 2 of 2 benchmarks verified, 2 ABBA pairs each)"), o.out());
        assertTrue(o.out().contains("estimator: paired log ratio"), o.out());
        assertTrue(o.out().contains("paper (VEE'20"), o.out());
        assertTrue(Files.list(out).noneMatch(p -> p.toString().endsWith(".csv")), "a smoke run never lands beside full results");
        List<Path> csv = Files.list(out.resolve("quick")).filter(p -> p.toString().endsWith(".csv")).toList();
        assertEquals(1, csv.size());
        List<String> lines = Files.readAllLines(csv.getFirst());
        assertTrue(lines.contains("# backend: mprotect"));
        assertTrue(lines.stream().anyMatch(l -> l.equals("# command: ./mpk reproduce --quick --benchmarks npb-is,linpack --backend mprotect --out " + out)),
                "the command as typed: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# load_after: ")), "load average after the run");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# commit: ")));
        assertEquals(2, lines.stream().filter(l -> l.matches("^(npb-is|linpack),.*,true,.*")).count(), String.join("\n", lines));
        assertTrue(o.err().contains("[  4/8"), "a progress line per run");
    }

    @Test
    void functionalRunUnderRealMpkInsideTheGuest() throws Exception {
        RunCommandTest.requireGuest();
        // the guest can write only under the project root, not the host's temp folder
        Path guestOut = java.nio.file.Files.createDirectories(mpkernel.isolation.fault.PkuGuest.projectRoot()
                .resolve("experiments/target/guest-test-results-" + ProcessHandle.current().pid()));
        CliHarness.Outcome o = CliHarness.mpk("reproduce", "--qemu", "--quick", "--benchmarks", "npb-ep", "--out", guestOut.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        List<Path> json = Files.list(guestOut.resolve("quick")).filter(p -> p.getFileName().toString().startsWith("functional-mpk-qemu-")).toList();
        assertEquals(1, json.size());
        String text = Files.readString(json.getFirst());
        assertTrue(text.contains("\"mpk\": \"verified\"") && text.contains("\"none\": \"verified\""), text);
        assertTrue(text.contains("\"inside_qemu\": \"yes\""), text);
    }

    @Test
    void badInput() {
        for (String[] args : List.of(new String[] {"reproduce", "--benchmarks", "npb-xx"}, new String[] {"reproduce", "--pairs", "0"}, new String[] {"reproduce", "--margin", "0"},
                new String[] {"reproduce", "--backend", "none"}, new String[] {"reproduce", "--wrpkru-cycles", "abc"},
                new String[] {"reproduce", "--pairs", "many"})) {
            CliHarness.Outcome o = CliHarness.mpk(args);
            assertEquals(Main.USAGE, o.status(), String.join(" ", args) + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
        }
    }
}
