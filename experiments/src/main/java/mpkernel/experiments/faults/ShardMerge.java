package mpkernel.experiments.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import mpkernel.results.AtomicFile;
import mpkernel.results.CsvText;
import mpkernel.results.Provenance;

/**
 * Joins the shard files of one campaign ({@code --shard i/n}, e.g. the tasks of a Slurm array)
 * into the one file a single process would have written: the same trials, ordered by number,
 * under the first shard's provenance with {@code shard: 1/1} and the files it came from.
 *
 * <p>It refuses shards of different campaigns (backend, seed, trials, models, trial timeout,
 * commit), a missing or repeated shard, a trial seen twice, and an incomplete campaign: a merged
 * file claims the whole campaign ran.
 */
public final class ShardMerge {

    /** Header keys every shard must share. */
    static final List<String> SAME = List.of("backend", "seed", "trials", "models", "trial_timeout_s", "commit");

    private ShardMerge() {
    }

    /** A set of shard files that do not make one campaign; the message says why. */
    public static final class MismatchException extends IllegalArgumentException {
        MismatchException(String message) {
            super(message);
        }
    }

    /** Merges {@code shards} into {@code into}, atomically; returns the merged file. */
    public static CampaignFile merge(List<Path> shards, Path into) throws IOException {
        return merge(shards, into, Map.of());
    }

    /** As {@link #merge(List, Path)}, with {@code extra} entries added to the merged file's provenance. */
    public static CampaignFile merge(List<Path> shards, Path into, Map<String, String> extra) throws IOException {
        List<CampaignFile> files = new ArrayList<>();
        for (Path p : shards) {
            files.add(CampaignFile.read(p));
        }
        Map<String, String> first = files.getFirst().header();
        int n = shardCount(files.getFirst());
        Map<Integer, Path> seen = new TreeMap<>();
        Map<Integer, TrialResult> trials = new TreeMap<>();
        for (CampaignFile f : files) {
            for (String key : SAME) {
                if (!String.valueOf(first.get(key)).equals(String.valueOf(f.header().get(key)))) {
                    throw new MismatchException(f.path() + " is from another campaign: " + key + " is " + f.header().get(key)
                            + " there, " + first.get(key) + " in " + files.getFirst().path());
                }
            }
            if (shardCount(f) != n) {
                throw new MismatchException(f.path() + " splits the campaign into " + shardCount(f) + " shards, not " + n);
            }
            int i = shardIndex(f);
            if (seen.put(i, f.path()) != null) {
                throw new MismatchException("shard " + i + "/" + n + " given twice: " + seen.get(i) + " and " + f.path());
            }
            for (TrialResult r : f.rows()) {
                if (trials.put(r.trial().number(), r) != null) {
                    throw new MismatchException("trial " + r.trial().number() + " appears in more than one shard");
                }
            }
        }
        if (seen.size() != n) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                if (!seen.containsKey(i)) {
                    missing.add(i);
                }
            }
            throw new MismatchException("shard(s) " + missing + " of " + n + " missing");
        }
        int expected = Integer.parseInt(first.get("trials"));
        if (trials.size() != expected) {
            throw new MismatchException("the shards hold " + trials.size() + " of the campaign's " + expected
                    + " trials: let every shard finish (re-running a shard resumes it)");
        }
        Provenance header = new Provenance(first).with("shard", "1/1")
                .with("merged_from", String.join(" ", seen.values().stream().map(p -> p.getFileName().toString()).toList()));
        for (Map.Entry<String, String> e : new TreeMap<>(extra).entrySet()) {
            header = header.with(e.getKey(), e.getValue());
        }
        StringBuilder sb = new StringBuilder(CsvText.head(header, TrialResult.COLUMNS));
        // The map is ordered by trial number.
        trials.values().forEach(r -> sb.append(r.csv()));
        AtomicFile.writeString(into, sb);
        return CampaignFile.read(into);
    }

    private static int shardIndex(CampaignFile f) {
        return Integer.parseInt(shardParts(f)[0]);
    }

    private static int shardCount(CampaignFile f) {
        return Integer.parseInt(shardParts(f)[1]);
    }

    private static String[] shardParts(CampaignFile f) {
        String shard = f.header().get("shard");
        if (shard == null || !shard.matches("\\d+/\\d+")) {
            throw new MismatchException(f.path() + " names no shard i/n in its header");
        }
        return shard.split("/");
    }
}
