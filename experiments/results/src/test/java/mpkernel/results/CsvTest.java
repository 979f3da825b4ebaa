package mpkernel.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Result CSVs written and read back, and the files written before Commons CSV. */
class CsvTest {

    @TempDir
    Path dir;

    private static final List<String> COLUMNS = List.of("trial", "model", "detail", "millis");

    @Test
    void theHeadIsTheProvenanceThenTheColumns() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("backend", "mprotect");
        fields.put("order", "ABBA, pairs: 3, margin: 0.01");
        assertEquals("# backend: mprotect\n# order: ABBA, pairs: 3, margin: 0.01\ntrial,model,detail,millis\n",
                CsvText.head(new Provenance(fields), COLUMNS));
    }

    @Test
    void plainRowsAreASplitOnCommasAndOthersAreQuoted() {
        assertEquals("1,wild-write,SEGV_PKUERR by UNSAFE_KERNEL,120\n",
                CsvText.row(List.of("1", "wild-write", "SEGV_PKUERR by UNSAFE_KERNEL", "120")));
        assertEquals("npb-cg,--class A,,,false\n", CsvText.row(List.of("npb-cg", "--class A", "", "", "false")), "empty cells stay empty");
        assertEquals("1,x,\"wrote 8 bytes, at \"\"offset\"\" 64\",120\n", CsvText.row(List.of("1", "x", "wrote 8 bytes, at \"offset\" 64", "120")));
        assertEquals("1,x,two lines,120\n", CsvText.row(List.of("1", "x", "two\nlines", "120")), "a row is one line");
    }

    @Test
    void whatIsWrittenReadsBackWithLineNumbers() throws Exception {
        String text = CsvText.head(new Provenance(Map.of("seed", "5")), COLUMNS) + CsvText.row(List.of("0", "control", "a, \"b\"", "1"))
                + "\n" + CsvText.row(List.of("1", "wild-write", "ok", "2"));
        CsvFile csv = CsvFile.read(Files.writeString(dir.resolve("f.csv"), text));
        assertEquals("5", csv.provenance().get("seed"));
        assertEquals(COLUMNS, csv.columns());
        assertEquals(List.of("0", "control", "a, \"b\"", "1"), csv.rows().get(0).cells());
        assertEquals(3, csv.rows().get(0).line());
        assertEquals(5, csv.rows().get(1).line(), "blank lines are skipped but counted");
        assertEquals("wild-write", csv.rows().get(1).get("model"));
        assertFalse(csv.torn());
    }

    @Test
    void filesFromBeforeReadAsTheyAre() throws Exception {
        // As TrialResult wrote a detail with a comma before Commons CSV: the comma replaced by ';'.
        String old = "# backend: mprotect\n#   seed :  1  \ntrial,model,detail,millis\n0,control,scripted; with a comma,1\n";
        CsvFile csv = CsvFile.read(Files.writeString(dir.resolve("old.csv"), old));
        assertEquals("scripted; with a comma", csv.rows().getFirst().get("detail"));
        assertEquals("1", csv.provenance().get("seed"), "keys and values are read without their blanks");
        assertEquals("1  ", csv.provenance().fields().get("seed"), "and written again as they were");
        assertEquals(List.of("0", "control", "scripted; with a comma", "1"), csv.rows().getFirst().cells());
    }

    @Test
    void cellsByNameAndAsNumbers() throws Exception {
        CsvFile csv = CsvFile.read(Files.writeString(dir.resolve("n.csv"), "a,b,c,d\n 1.5 ,NaN,x\n"));
        CsvFile.Row row = csv.rows().getFirst();
        assertEquals("1.5", row.get("a"), "trimmed");
        assertEquals(1.5, row.number("a"));
        assertTrue(Double.isNaN(row.number("b")) && !row.notANumber("b"), "NaN is a number");
        assertTrue(row.notANumber("c"));
        assertEquals("", row.get("d"), "a short row reads as empty cells");
        assertTrue(Double.isNaN(row.number("d")) && !row.notANumber("d"));
        assertEquals("", row.get("no such column"));
    }

    @Test
    void aTornLastLineAndALineThatIsNotCsvAreRowsOfTheirOwn() throws Exception {
        CsvFile csv = CsvFile.read(Files.writeString(dir.resolve("t.csv"), "a,b\n\"open,1\n# not a comment here,2\n3,\"tor"));
        assertEquals(List.of(), csv.rows().get(0).cells(), "an unclosed quote: a row without cells");
        assertEquals(2, csv.rows().get(0).line());
        assertEquals(List.of("# not a comment here", "2"), csv.rows().get(1).cells(), "below the header a # starts a cell");
        assertEquals(List.of(), csv.rows().get(2).cells());
        assertTrue(csv.torn());
    }

    @Test
    void notACsvIsOneLine() throws Exception {
        Path comments = Files.writeString(dir.resolve("c.csv"), "# backend: none\n\n");
        assertEquals(comments + ": no header line, so not a result CSV",
                assertThrows(BadResultFile.class, () -> CsvFile.read(comments)).getMessage());
        Path binary = Files.write(dir.resolve("b.csv"), new byte[] {'a', 0, 'b'});
        assertThrows(BadResultFile.NotText.class, () -> CsvFile.read(binary));
        Path latin1 = Files.write(dir.resolve("l.csv"), new byte[] {'a', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ": not UTF-8 text, so not a result file",
                assertThrows(BadResultFile.NotText.class, () -> CsvFile.read(latin1)).getMessage());
        assertEquals(dir + ": a folder, not a result file", assertThrows(BadResultFile.class, () -> CsvFile.read(dir)).getMessage());
    }
}
