package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.experiments.overhead.OverheadReport;
import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
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
    @Tag("mpk")
    void functionalRunUnderRealMpk() throws Exception {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        // the inside of reproduce --qemu: every benchmark on none and on mpk, verdicts only
        CliHarness.Outcome o = CliHarness.mpk("reproduce-functional", "--quick", "--benchmarks", "npb-ep", "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        List<Path> json = Files.list(out.resolve("quick")).filter(p -> p.getFileName().toString().startsWith("functional-mpk-qemu-")).toList();
        assertEquals(1, json.size());
        String text = Files.readString(json.getFirst());
        assertTrue(text.contains("\"mpk\": \"verified\"") && text.contains("\"none\": \"verified\""), text);
        assertTrue(text.contains("\"pku\": \"yes\""), text);
        assertTrue(text.contains("\"inside_qemu\": \"" + (PkuGuest.insideGuest() ? "yes" : "no") + "\""), text);
    }

    /**
     * The measured path of a PKU host. Inside the guest it runs only with --emulated, and its
     * result says so and lands apart from measurements.
     */
    @Test
    @Tag("mpk")
    void measuredMpkKeepsTheProjectionInColumnsOfItsOwn() throws Exception {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        boolean guest = PkuGuest.insideGuest();
        List<String> args = new java.util.ArrayList<>(List.of("reproduce", "--quick", "--benchmarks", "npb-is", "--backend", "mpk",
                "--out", out.toString()));
        if (guest) {
            args.add("--emulated");
        }
        CliHarness.Outcome o = CliHarness.mpk(args.toArray(String[]::new));
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("PROJECTED mpk is a check beside the measured mpk columns, never part of them"), o.out());
        assertEquals(guest, o.out().startsWith("EMULATED (QEMU TCG)"), o.out());
        List<Path> csv = Files.list(out.resolve(guest ? "emulated" : "quick")).filter(p -> p.toString().endsWith(".csv")).toList();
        assertEquals(1, csv.size());
        List<String> lines = Files.readAllLines(csv.getFirst());
        String all = String.join("\n", lines);
        for (String expected : List.of("# backend: mpk", "# pku: yes", "# inside_qemu: " + (guest ? "yes" : "no"),
                "# timing: " + (guest ? Machine.EMULATED : "measured"),
                "# measured_columns: " + String.join(",", OverheadReport.MEASURED_COLUMNS),
                String.join(",", OverheadReport.COLUMNS))) {
            assertTrue(lines.contains(expected), expected + " in\n" + all);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# projected_columns: projected_mpk_low,projected_mpk_high (arithmetic, not measured")), all);
        String[] row = lines.stream().filter(l -> l.startsWith("npb-is,")).findFirst().orElseThrow().split(",", -1);
        assertEquals("true", row[OverheadReport.COLUMNS.indexOf("verified")], all);
        for (String column : List.of("isolated_s", "slowdown", "projected_mpk_low", "projected_mpk_high")) {
            assertTrue(Double.isFinite(Double.parseDouble(row[OverheadReport.COLUMNS.indexOf(column)])), column + " in\n" + all);
        }
    }

    @Test
    void badInput() {
        for (String[] args : List.of(new String[] {"reproduce", "--benchmarks", "npb-xx"}, new String[] {"reproduce", "--pairs", "0"}, new String[] {"reproduce", "--margin", "0"},
                new String[] {"reproduce", "--backend", "none"}, new String[] {"reproduce", "--wrpkru-cycles", "abc"},
                new String[] {"reproduce", "--pairs", "many"}, new String[] {"reproduce", "--emulated", "--backend", "mprotect"})) {
            CliHarness.Outcome o = CliHarness.mpk(args);
            assertEquals(Main.USAGE, o.status(), String.join(" ", args) + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
        }
    }
}
