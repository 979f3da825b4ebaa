package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files record the command as typed and the settings that really ran. */
class ProvenanceTest {

    @TempDir
    Path out;

    @Test
    void typedCommandsQuoteWhatTheShellWouldSplit() {
        assertEquals("./mpk bench 'Gate|Null' --quick", TypedCommand.of("mpk", List.of("bench", "Gate|Null", "--quick")));
        assertEquals("./mpk run cat '/a b' 'it'\\''s'", TypedCommand.of("mpk", List.of("run", "cat", "/a b", "it's")));
        assertEquals("./mpk doctor", TypedCommand.of("mpk", List.of("doctor")));
    }

    @Test
    void aCampaignFileRecordsTheCommandAsTypedAndItsEffectiveSettings() throws Exception {
        CliHarness.Outcome o = CliHarness.mpk("faults", "--backend", "none", "--trials", "2", "--models", "control",
                "--jobs", "1", "--out", out.toString());
        assertEquals(0, o.status(), o.out() + o.err());
        List<String> lines = Files.readAllLines(out.resolve("faults-none-1.csv"));
        assertTrue(lines.contains("# command: ./mpk faults --backend none --trials 2 --models control --jobs 1 --out " + out), String.join("\n", lines));
        assertTrue(lines.contains("# seed: 1") && lines.contains("# trials: 2") && lines.contains("# jobs: 1")
                && lines.contains("# trial_timeout_s: 30"), String.join("\n", lines));
    }
}
