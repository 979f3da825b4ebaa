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

    private static void expectOneLine(CliHarness.Outcome o, String what) {
        assertEquals(Main.USAGE, o.status(), o.out() + o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains(what), o.err());
    }
}
