package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what {@code ./mpk faults} writes: {@code faults-<backend>-<seed>.csv}, provenance
 * comments then one row per trial ({@code trial,model,source,target,outcome,...}). A campaign
 * may be split over several files (seeds, shards); the figures add up all files of a backend.
 */
final class FaultResults {

    /** The command that produces these files. */
    static final String COMMAND = "./mpk faults";

    /**
     * All trials of one backend.
     *
     * @param backend the isolation backend the trials ran on
     * @param sources each file read, with its provenance
     * @param counts trials per fault model, then per outcome, in file order of first appearance
     */
    record Campaign(String backend, Map<Path, Provenance> sources, Map<String, Map<String, Integer>> counts) {

        /** Trials of {@code model}. */
        int trials(String model) {
            return counts.getOrDefault(model, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Trials of every model. */
        int trials() {
            return counts.keySet().stream().mapToInt(this::trials).sum();
        }
    }

    private FaultResults() {
    }

    /** Every backend's campaign, in {@link Backends#ORDERING}; empty when there are no fault files. */
    static Map<String, Campaign> perBackend(Path results) throws IOException {
        Map<String, Map<Path, Provenance>> sources = new TreeMap<>(Backends.ORDERING);
        Map<String, Map<String, Map<String, Integer>>> counts = new TreeMap<>(Backends.ORDERING);
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(p -> p.getFileName().toString().matches("faults-.+\\.csv")).sorted().toList();
        }
        for (Path file : files) {
            CommentedCsv csv = CommentedCsv.read(file);
            Provenance p = new Provenance(csv.comments());
            String backend = p.backend().equals("unknown") ? backendFromName(file) : p.backend();
            sources.computeIfAbsent(backend, b -> new LinkedHashMap<>()).put(file, p);
            Map<String, Map<String, Integer>> perModel = counts.computeIfAbsent(backend, b -> new LinkedHashMap<>());
            for (Map<String, String> row : csv.rows()) {
                String model = row.getOrDefault("model", "").trim();
                String outcome = row.getOrDefault("outcome", "").trim();
                if (model.isEmpty() || outcome.isEmpty()) {
                    throw new IOException(file.getFileName() + ": trial " + row.getOrDefault("trial", "?") + " has no model or outcome");
                }
                perModel.computeIfAbsent(model, m -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
            }
        }
        Map<String, Campaign> campaigns = new TreeMap<>(Backends.ORDERING);
        for (String backend : sources.keySet()) {
            campaigns.put(backend, new Campaign(backend, sources.get(backend), counts.get(backend)));
        }
        campaigns.values().removeIf(c -> c.trials() == 0);
        return campaigns;
    }

    /** {@code faults-mpk-dry-42.csv} → {@code mpk-dry}: everything between the prefix and the last dash. */
    private static String backendFromName(Path file) {
        String n = file.getFileName().toString();
        String core = n.substring("faults-".length(), n.length() - ".csv".length());
        int dash = core.lastIndexOf('-');
        return dash > 0 ? core.substring(0, dash) : core;
    }

    /** The seeds of a campaign's files, from their names ({@code faults-<backend>-<seed>.csv}). */
    static List<String> seeds(Campaign c) {
        List<String> seeds = new ArrayList<>();
        for (Path f : c.sources().keySet()) {
            String n = f.getFileName().toString();
            String core = n.substring(0, n.length() - ".csv".length());
            seeds.add(core.substring(core.lastIndexOf('-') + 1));
        }
        return seeds;
    }
}
