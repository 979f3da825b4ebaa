package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mpk faults merge} on files that are not what they should be: one line, exit 2. */
class FaultsMergeTest {

    @TempDir
    Path dir;

    private static final String HEADER = "# backend: mprotect\n# seed: 1\n"
            + "trial,model,source,target,outcome,violated_domain,fault_address,si_code,detail,millis\n";
    private static final String ROW = "0,control,USER,-,BENIGN,-,-,0,ok,120\n";

    @Test
    void aGoodFileIsSummarised() throws Exception {
        Path f = Files.writeString(dir.resolve("good.csv"), HEADER + ROW);
        CliHarness.Outcome o = CliHarness.mpk("faults", "merge", f.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("mprotect"), o.out());
    }

    @Test
    void aBinaryFileIsOneLine() throws Exception {
        Path f = Files.write(dir.resolve("bin.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});
        expectOneLine(CliHarness.mpk("faults", "merge", f.toString()), "not UTF-8 text");
    }

    @Test
    void garbageRowsAreNamedByLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), HEADER + ROW + "garbage\n" + ROW + "1,2,3\n");
        expectOneLine(CliHarness.mpk("faults", "merge", f.toString()), "2 malformed row(s) at line(s) 5, 7");
    }

    @Test
    void aTornLastLineIsTheMarkOfAKilledRunAndIsSkipped() throws Exception {
        Path f = Files.writeString(dir.resolve("torn.csv"), HEADER + ROW + "1,wild-wri");
        CliHarness.Outcome o = CliHarness.mpk("faults", "merge", f.toString());
        assertEquals(0, o.status(), o.err());
    }

    @Test
    void aFileWithoutTheHeaderRowIsNotACampaign() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");
        expectOneLine(CliHarness.mpk("faults", "merge", f.toString()), "is not a campaign file");
    }

    @Test
    void aFolderIsCalledAFolder() {
        expectOneLine(CliHarness.mpk("faults", "merge", dir.toString()), "is a folder");
    }

    @Test
    void aMissingFileIsCalledMissing() {
        expectOneLine(CliHarness.mpk("faults", "merge", dir.resolve("nope.csv").toString()), "no such file");
    }

    private Path shard(int i, int n, String trials, String... rows) throws Exception {
        String header = "# backend: mprotect\n# seed: 1\n# trials: " + trials + "\n# models: control\n# trial_timeout_s: 30\n# commit: abc\n"
                + "# shard: " + i + "/" + n + "\n" + "trial,model,source,target,outcome,violated_domain,fault_address,si_code,detail,millis\n";
        return Files.writeString(dir.resolve("faults-mprotect-1-shard" + i + "of" + n + ".csv"), header + String.join("", rows));
    }

    private static String row(int trial) {
        return trial + ",control,USER,-,BENIGN,-,-,0,ok,120\n";
    }

    @Test
    void shardsJoinIntoTheFileOneProcessWouldHaveWritten() throws Exception {
        Path a = shard(1, 2, "4", row(0), row(2));
        Path b = shard(2, 2, "4", row(1), row(3));
        Path into = dir.resolve("faults-mprotect-1.csv");
        CliHarness.Outcome o = CliHarness.mpk("faults", "merge", "--into", into.toString(), b.toString(), a.toString());
        assertEquals(0, o.status(), o.err());
        java.util.List<String> lines = Files.readAllLines(into);
        assertTrue(lines.contains("# shard: 1/1"), lines.toString());
        assertEquals(java.util.List.of("0", "1", "2", "3"), lines.stream().filter(l -> l.matches("^\\d+,.*")).map(l -> l.split(",")[0]).toList());
    }

    @Test
    void shardsThatDoNotMakeOneCampaignAreRefused() throws Exception {
        Path a = shard(1, 2, "4", row(0), row(2));
        Path into = dir.resolve("out.csv");
        expectOneLine(CliHarness.mpk("faults", "merge", "--into", into.toString(), a.toString()), "shard(s) [2] of 2 missing");
        Path b = shard(2, 2, "4", row(1), row(2));
        expectOneLine(CliHarness.mpk("faults", "merge", "--into", into.toString(), a.toString(), b.toString()), "trial 2 appears in more than one shard");
        Path c = shard(2, 2, "4", row(1));
        expectOneLine(CliHarness.mpk("faults", "merge", "--into", into.toString(), a.toString(), c.toString()), "hold 3 of the campaign's 4 trials");
        Path d = Files.writeString(dir.resolve("other.csv"), Files.readString(shard(2, 2, "5", row(1), row(3))));
        shard(2, 2, "4", row(1), row(3));
        expectOneLine(CliHarness.mpk("faults", "merge", "--into", into.toString(), a.toString(), d.toString()), "from another campaign: trials");
        assertTrue(!Files.exists(into), "nothing written when refused");
    }

    private static void expectOneLine(CliHarness.Outcome o, String what) {
        assertEquals(Main.USAGE, o.status(), o.out() + o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains(what), o.err());
    }
}
