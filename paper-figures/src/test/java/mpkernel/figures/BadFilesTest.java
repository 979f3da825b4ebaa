package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A result file that cannot be read stops the figures with one line naming it, and its bad rows by line number. */
class BadFilesTest {

    @TempDir
    Path results;

    @Test
    void aFolderWithAResultName() throws IOException {
        Files.createDirectory(results.resolve("faults-mprotect-1.csv"));
        assertMessage(results.resolve("faults-mprotect-1.csv") + ": a folder, not a result file");
    }

    @Test
    void aBinaryFile() throws IOException {
        Files.write(results.resolve("bench-20261125-050013.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertMessage(results.resolve("bench-20261125-050013.json") + ": a binary file, not a result file");
    }

    @Test
    void textThatIsNotUtf8() throws IOException {
        Files.write(results.resolve("overhead-mprotect-20261125-032211.csv"), new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        assertMessage(results.resolve("overhead-mprotect-20261125-032211.csv") + ": not UTF-8 text, so not a result file");
    }

    @Test
    void malformedFaultRowsAreListedByLine() throws IOException {
        Files.writeString(results.resolve("faults-mprotect-1.csv"), """
                # backend: mprotect
                # seed: 1
                trial,model,source,target,outcome
                1,control,UNSAFE_KERNEL,SAFE_KERNEL,BENIGN
                2,wild-write,UNSAFE_KERNEL,SAFE_KERNEL
                3,wild-write,UNSAFE_KERNEL,SAFE_KERNEL,DETECTED_BY_ISOLATION
                4,wild-wr
                """);
        assertMessage(results.resolve("faults-mprotect-1.csv") + ": malformed rows at lines 5, 7"
                + " (a trial needs a model and an outcome such as DETECTED_BY_ISOLATION)");
    }

    @Test
    void malformedOverheadRowsAreListedByLine() throws IOException {
        Files.writeString(results.resolve("overhead-mprotect-20261125-032211.csv"), """
                # complete: true
                # isolated_backend: mprotect
                benchmark,args,vanilla_s,isolated_s,slowdown,ci_low,ci_high,verified,crossings_per_s
                npb-cg,--class A,2.1,2.1084,0.004,-0.002,0.01,true,1200
                npb-is,--class A,0.45,0.45495,fast,0.0015,0.0205,true,5400
                npb-ep,--class A,3.2,3.2032,0.001,-0.0035,0.0055,maybe,3
                """);
        assertMessage(results.resolve("overhead-mprotect-20261125-032211.csv") + ": malformed rows at lines 5, 6 (a benchmark name,"
                + " verified true or false, and for a verified benchmark numbers for vanilla_s, isolated_s and slowdown are needed)");
    }

    @Test
    void aCsvWithoutHeader() throws IOException {
        Files.writeString(results.resolve("faults-none-1.csv"), "# backend: none\n");
        assertMessage(results.resolve("faults-none-1.csv") + ": no header line, so not a result CSV");
    }

    @Test
    void jsonThatIsNotJson() throws IOException {
        Files.writeString(results.resolve("sweep-20261126-090000.json"), "{\"complete\": true, \"backends\": [");
        String message = message();
        assertEquals(true, message.startsWith(results.resolve("sweep-20261126-090000.json") + ": not a sweep result file (not JSON: "), message);
    }

    @Test
    void aSweepFieldOfTheWrongKindIsNamedByItsPath() throws IOException {
        Files.writeString(results.resolve("sweep-20261126-090000.json"), """
                {"complete": true, "settings": {"quick": false}, "backends": [{"backend": "mprotect",
                  "cost_per_crossing": {"ns": 1, "ci_low_ns": 0, "ci_high_ns": 2, "detected": true, "verdict": "v"},
                  "steps": [{"every": 8, "crossings_per_s": "many", "slowdown": 0.1, "ci_low": NaN, "ci_high": NaN, "verified": true}]}]}
                """);
        assertMessage(results.resolve("sweep-20261126-090000.json") + ": \"backends[0].steps[0].crossings_per_s\" is not a number");
    }

    @Test
    void theOverheadJsonBesideTheCsvIsReadToo() throws IOException {
        Files.writeString(results.resolve("overhead-mprotect-20261125-032211.csv"), """
                # complete: true
                # isolated_backend: mprotect
                benchmark,args,vanilla_s,isolated_s,slowdown,ci_low,ci_high,verified,crossings_per_s
                npb-cg,--class A,2.1,2.1084,0.004,-0.002,0.01,true,1200
                """);
        Files.writeString(results.resolve("overhead-mprotect-20261125-032211.json"), "{\"settings\": {\"quick\": \"sometimes\"}}");
        assertMessage(results.resolve("overhead-mprotect-20261125-032211.json") + ": \"settings.quick\" is not true or false");
    }

    private void assertMessage(String expected) {
        assertEquals(expected, message());
    }

    /** What rendering says, checked to be one line; nothing may have been written. */
    private String message() {
        Path out = results.resolveSibling(results.getFileName() + "-figures");
        Figures.CannotDrawException e = assertThrows(Figures.CannotDrawException.class, () -> Figures.render(results, out));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(out), "no figure is written");
        return e.getMessage();
    }
}
