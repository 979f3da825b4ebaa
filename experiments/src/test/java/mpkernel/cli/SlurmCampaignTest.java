package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.experiments.faults.CampaignFile;
import mpkernel.experiments.faults.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mpk faults --slurm 4} on a real one-node Slurm: four array tasks, one shard each, and
 * a merge job after them. The merged campaign must equal, trial for trial, the same campaign run
 * by one process.
 */
class SlurmCampaignTest {

    @TempDir
    Path tmp;

    @Test
    void aShardedCampaignOnSlurmEqualsTheSingleProcessOne() throws Exception {
        String why = LocalSlurm.unavailableReason();
        assumeTrue(why == null || System.getenv("CI") != null, why);
        List<String> campaign = List.of("faults", "--backend", "mprotect", "--trials", "12", "--models", "control,wild-write,overflow",
                "--seed", "5", "--jobs", "1");
        Path sharded = Files.createDirectories(tmp.resolve("sharded"));
        try (LocalSlurm slurm = LocalSlurm.start(tmp.resolve("slurm"))) {
            System.setProperty(SlurmArray.CONF_PROPERTY, slurm.conf().toString());
            CliHarness.Outcome o = CliHarness.mpk(concat(campaign, "--slurm", "4", "--out", sharded.toString()));
            assertEquals(0, o.status(), o.out() + o.err());
            Matcher m = Pattern.compile("array job (\\d+) .* merge job (\\d+)").matcher(o.out());
            assertTrue(m.find(), o.out());
            assertTrue(slurm.awaitJobs(m.group(1) + "," + m.group(2), 10, TimeUnit.MINUTES), "the jobs did not finish in 10 minutes");
        } finally {
            System.clearProperty(SlurmArray.CONF_PROPERTY);
        }
        Path merged = sharded.resolve("faults-mprotect-5.csv");
        assertTrue(Files.exists(merged), "the merge job wrote " + merged + "; logs in " + sharded.resolve("slurm"));
        for (int i = 1; i <= 4; i++) {
            assertTrue(Files.exists(sharded.resolve("faults-mprotect-5-shard" + i + "of4.csv")), "shard " + i);
        }
        Path single = Files.createDirectories(tmp.resolve("single"));
        CliHarness.Outcome one = CliHarness.mpk(concat(campaign, "--out", single.toString()));
        assertEquals(0, one.status(), one.out() + one.err());
        List<String> a = comparable(CampaignFile.read(merged).rows());
        List<String> b = comparable(CampaignFile.read(single.resolve("faults-mprotect-5.csv")).rows());
        assertEquals(12, a.size());
        assertEquals(b, a, "trial for trial");
        assertEquals("1/1", CampaignFile.read(merged).header().get("shard"));
    }

    /** What must agree between two runs of one trial: not the time it took, nor addresses, which depend on the layout chosen per run. */
    private static List<String> comparable(List<TrialResult> rows) {
        return rows.stream().sorted(java.util.Comparator.comparingInt(r -> r.trial().number()))
                .map(r -> r.trial().number() + " " + r.trial().model() + " " + r.trial().source() + " " + r.trial().target() + " "
                        + r.outcome() + " " + r.violatedDomain())
                .toList();
    }

    private static String[] concat(List<String> a, String... more) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
