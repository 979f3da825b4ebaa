package mpkernel.experiments.faults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mpkernel.results.WilsonInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning, resume after an interruption (even a torn row), sharding and merging, with a scripted trial runner. */
class CampaignFileTest {

    @TempDir
    Path dir;

    private final Map<String, String> header = new LinkedHashMap<>(Map.of("backend", "mprotect", "seed", "5", "trials", "40",
            "models", String.join(",", Trial.MODELS), "shard", "1/1"));
    private final List<String> same = List.of("backend", "seed", "trials", "models", "shard");

    /** Outcome by model, so results are checkable; counts calls. */
    private final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
    private final Campaign.TrialRunner scripted = (t, golden) -> {
        calls.add(t.number());
        Outcome o = t.model().equals("control") ? Outcome.BENIGN : t.mustBeDetected() ? Outcome.DETECTED_BY_ISOLATION : Outcome.WRONG_OUTPUT;
        return new Campaign.Run(new TrialResult(t, o, "-", "-", 0, "scripted, with a comma", 1), "h");
    };

    @Test
    void planIsDeterministicAndCoversEveryModel() {
        List<Trial> a = new Campaign(5, 40, Trial.MODELS, 1, 1).plan();
        List<Trial> b = new Campaign(5, 40, Trial.MODELS, 1, 1).plan();
        assertEquals(a, b);
        assertEquals(Trial.MODELS.size(), a.stream().map(Trial::model).distinct().count());
        assertTrue(!a.equals(new Campaign(6, 40, Trial.MODELS, 1, 1).plan()), "another seed, another plan");
    }

    @Test
    void resumesWithoutRedoingOrLosingTrialsEvenAfterATornRow() throws Exception {
        Path file = dir.resolve("faults-mprotect-5.csv");
        Campaign c = new Campaign(5, 40, Trial.MODELS, 1, 1);
        // a first run "killed" after 10 trials: write 10 rows, then half a row
        try (CampaignFile f = CampaignFile.openForAppend(file, header, same)) {
            for (Trial t : c.plan().subList(0, 10)) {
                f.append(scripted.run(t, "h").result());
            }
        }
        Files.writeString(file, "10,wild-wri", StandardOpenOption.APPEND);
        calls.clear();
        try (CampaignFile f = CampaignFile.openForAppend(file, header, same)) {
            assertEquals(10, f.rows().size());
            int ran = c.run(f, scripted, "h", 2, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(30, ran);
        }
        assertEquals(30, calls.size());
        assertTrue(calls.stream().allMatch(n -> n >= 10), "finished trials are not redone");
        CampaignFile back = CampaignFile.read(file);
        assertEquals(40, back.rows().size());
        assertEquals(40, back.rows().stream().map(r -> r.trial().number()).distinct().count());
        assertEquals("scripted, with a comma", back.rows().getFirst().detail(), "a comma is quoted, not replaced");
        // a third run has nothing left to do
        try (CampaignFile f = CampaignFile.openForAppend(file, header, same)) {
            assertEquals(0, c.run(f, scripted, "h", 2, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aFileFromAnotherCampaignIsRefused() throws Exception {
        Path file = dir.resolve("faults-mprotect-5.csv");
        try (CampaignFile f = CampaignFile.openForAppend(file, header, same)) {
            f.append(scripted.run(Trial.plan(5, 0, Trial.MODELS), "h").result());
        }
        Map<String, String> other = new LinkedHashMap<>(header);
        other.put("trials", "99");
        assertThrows(IllegalArgumentException.class, () -> CampaignFile.openForAppend(file, other, same));
    }

    @Test
    void shardsPartitionTheCampaignAndMergeBack() throws Exception {
        Summary merged = new Summary();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            Map<String, String> h = new LinkedHashMap<>(header);
            h.put("shard", i + "/3");
            Path file = dir.resolve("shard" + i + ".csv");
            Campaign c = new Campaign(5, 40, Trial.MODELS, i, 3);
            try (CampaignFile f = CampaignFile.openForAppend(file, h, same)) {
                c.run(f, scripted, "h", 1, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            }
            List<TrialResult> rows = CampaignFile.read(file).rows();
            total += rows.size();
            merged.add("mprotect", rows);
        }
        assertEquals(40, total);
        assertEquals(40, merged.trials("mprotect").size());
        assertEquals(40, merged.trials("mprotect").stream().map(r -> r.trial().number()).distinct().count());
        WilsonInterval w = merged.detection("mprotect");
        assertEquals(w.trials(), w.successes());
        assertTrue(merged.table().contains("false alarms in control trials: 0"));
    }

    @Test
    void whatMustBeDetectedFollowsThePolicy() {
        assertTrue(new Trial(0, "wild-write", "UNSAFE_KERNEL", "safe-data", 0).mustBeDetected());
        assertTrue(!new Trial(0, "wild-write", "UNSAFE_KERNEL", "user", 0).mustBeDetected(), "the unsafe kernel may write user memory");
        assertTrue(new Trial(0, "wild-write", "DRIVER", "user", 0).mustBeDetected(), "a driver in its own domain may not");
        assertTrue(new Trial(0, "overflow", "DRIVER", "region-edge", 0).mustBeDetected());
        assertEquals("USER", new Trial(0, "overflow", "DRIVER", "region-edge", 0).targetDomain());
        assertTrue(!new Trial(0, "overflow", "USER", "user-buffer", 0).mustBeDetected());
        assertTrue(!new Trial(0, "control", "-", "-", 0).mustBeDetected());
        assertEquals("DRIVER", Trial.plan(5, 1, List.of("wild-write"), true).source());
    }
}
