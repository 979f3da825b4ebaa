package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.experiments.faults.CampaignFile;
import mpkernel.experiments.faults.Outcome;
import mpkernel.experiments.faults.TrialResult;
import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mpk faults --qemu --guests G}: G guests, one shard each, merged into the campaign's file. */
class FaultsGuestsTest {

    @TempDir
    Path dir;

    @Test
    void guestsWithoutQemuIsAUserMistake() {
        expectOneLine(CliHarness.mpk("faults", "--guests", "2", "--out", dir.toString()), "--guests needs --qemu");
    }

    @Test
    void guestsMakeTheShardsThemselves() {
        expectOneLine(CliHarness.mpk("faults", "--qemu", "--guests", "2", "--shard", "1/2", "--out", dir.toString()),
                "--guests makes the shards itself");
    }

    @Test
    void aCampaignFileFromAnotherRunIsNeverMergedOver() throws Exception {
        Files.writeString(dir.resolve("faults-mpk-1.csv"), "# backend: mpk\n# seed: 1\n"
                + "trial,model,source,target,outcome,violated_domain,fault_address,si_code,detail,millis\n");
        expectOneLine(CliHarness.mpk("faults", "--qemu", "--guests", "2", "--out", dir.toString()), "is not merged from");
    }

    @Test
    void twoGuestsRunHalfTheTrialsEachAndTheirShardsAreMerged() throws Exception {
        PkuGuest.skipReasonForTests().ifPresent(Assumptions::abort);
        // the guest writes only below the project root (and the working folder), not in the host's /tmp
        Path out = Files.createTempDirectory(Files.createDirectories(PkuGuest.projectRoot().resolve("target")), "guests-");
        CliHarness.Outcome o = CliHarness.mpk("faults", "--qemu", "--guests", "2", "--trials", "4", "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("guest 1: ") && o.err().contains("guest 2: "), o.err());
        CampaignFile merged = CampaignFile.read(out.resolve("faults-mpk-1.csv"));
        assertEquals("1/1", merged.header().get("shard"));
        assertEquals("faults-mpk-1-shard1of2.csv faults-mpk-1-shard2of2.csv", merged.header().get("merged_from"));
        assertEquals(List.of(0, 1, 2, 3), merged.rows().stream().map(r -> r.trial().number()).toList());
        assertEquals("2", merged.header().get("guests"));
        assertTrue(merged.header().get("guest_pace").matches("4 trials in [0-9.]+ min = [0-9.]+ trials/min \\(wall clock, 2 guests.*"),
                merged.header().get("guest_pace"));
        for (int k = 1; k <= 2; k++) {
            CampaignFile shard = CampaignFile.read(out.resolve("guest-shards").resolve("faults-mpk-1-shard" + k + "of2.csv"));
            assertEquals("1", shard.header().get("jobs"), "one trial at a time in a guest");
            assertEquals(2, shard.rows().size());
        }
        // trial 1 of seed 1 is a wild write by the unsafe kernel into safe-kernel memory: a real protection-key fault
        TrialResult wild = merged.rows().get(1);
        assertEquals(Outcome.DETECTED_BY_ISOLATION, wild.outcome(), wild.csv());
        assertTrue(wild.csv().contains("SEGV_PKUERR"), wild.csv());
    }

    private static void expectOneLine(CliHarness.Outcome o, String fragment) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(fragment), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }
}
