package mpkernel.figures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.results.BadResultFile;
import mpkernel.results.CsvFile;
import mpkernel.results.Provenance;

/**
 * Reads what {@code ./mpk faults} writes: {@code faults-<backend>-<seed>.csv} (or
 * {@code ...-shard<i>of<n>.csv}), provenance comments then one row per trial
 * ({@code trial,model,source,target,outcome,...}).
 *
 * <p>A figure panel shows one <em>campaign</em>: the files of a backend with the same seed,
 * commit and machine, that is one campaign's shards. Trials of different seeds, commits or
 * machines are different experiments, and adding them up would hide that; so per backend the
 * newest campaign is drawn and the others are named as left out, unless the user asks to pool
 * them ({@link Figures.Options#pool()}).
 */
final class FaultResults {

    /** The command that produces these files. */
    static final String COMMAND = "./mpk faults";

    private static final Pattern NAME = Pattern.compile("faults-(.+)-(\\d+)(-shard\\d+of\\d+)?\\.csv");

    /**
     * One file's trials.
     *
     * @param origin where they came from
     * @param backend the isolation backend they ran on
     * @param seed the campaign's seed
     * @param counts trials per fault model, then per outcome, in file order of first appearance
     */
    record Part(ResultFile origin, String backend, String seed, Map<String, Map<String, Integer>> counts) {

        /** Seed, commit and machine: the parts of one campaign share them. */
        String campaign() {
            Provenance p = origin.provenance();
            return seed + " | " + p.commit() + " | " + p.where();
        }

        int trials() {
            return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The trials a panel shows: one campaign of a backend, or all of its files when pooled.
     *
     * @param backend the backend
     * @param parts its files, in name order
     * @param pooled whether the user asked to add up different campaigns
     */
    record Campaign(String backend, List<Part> parts, boolean pooled) {

        Campaign {
            parts = List.copyOf(parts);
        }

        /** Trials per model, then per outcome, over all parts. */
        Map<String, Map<String, Integer>> counts() {
            Map<String, Map<String, Integer>> sum = new LinkedHashMap<>();
            for (Part p : parts) {
                p.counts().forEach((model, outcomes) -> outcomes.forEach(
                        (outcome, n) -> sum.computeIfAbsent(model, m -> new LinkedHashMap<>()).merge(outcome, n, Integer::sum)));
            }
            return sum;
        }

        /** Trials of {@code model}. */
        int trials(String model) {
            return counts().getOrDefault(model, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Trials of {@code model} that ended in {@code outcome}. */
        int count(String model, String outcome) {
            return counts().getOrDefault(model, Map.of()).getOrDefault(outcome, 0);
        }

        /** Trials of every model. */
        int trials() {
            return parts.stream().mapToInt(Part::trials).sum();
        }

        /** Whether its files are of more than one campaign (possible only when pooled). */
        boolean mixed() {
            return parts.stream().map(Part::campaign).distinct().count() > 1;
        }

        /** The seeds of its files, each once, in file order. */
        List<String> seeds() {
            return parts.stream().map(Part::seed).distinct().toList();
        }

        /** The newest date among its files. */
        Instant newest() {
            return parts.stream().map(p -> p.origin().provenance().instant()).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        }
    }

    /**
     * What the figure draws.
     *
     * @param drawn per backend, in {@link Backends#ORDERING}, the campaign drawn
     * @param leftOut per backend, the files of its other campaigns (empty when pooled)
     */
    record Selection(Map<String, Campaign> drawn, Map<String, List<Part>> leftOut) {
    }

    private FaultResults() {
    }

    /** Whether {@code fileName} is a campaign file's name: {@code faults-<backend>-<seed>.csv}, or a shard's. */
    static boolean named(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** The backend of a campaign file: as its provenance says, else as its name says. */
    static String backend(Path file, Provenance provenance) throws BadResultFile {
        return provenance.backend().equals("unknown") ? parsedName(file).group(1) : provenance.backend();
    }

    /** The campaign file's name, matched: backend, seed, shard. */
    private static Matcher parsedName(Path file) throws BadResultFile {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new BadResultFile(file, "not named faults-<backend>-<seed>.csv");
        }
        return m;
    }

    /**
     * Per backend with a trial, its newest campaign (by the newest date of its files, then its
     * files' names), or all its files when {@code results} pools; empty when there are none.
     */
    static Selection select(ResultsFolder results) throws BadResultFile {
        Map<String, Map<String, List<Part>>> byBackend = new TreeMap<>(Backends.ORDERING);
        for (Path file : results.list(FaultResults::named)) {
            Part part = read(results, file);
            if (results.admits(part.origin()) && part.trials() > 0) {
                String key = results.options().pool() ? "all" : part.campaign();
                byBackend.computeIfAbsent(part.backend(), b -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(part);
            }
        }
        Map<String, Campaign> drawn = new TreeMap<>(Backends.ORDERING);
        Map<String, List<Part>> leftOut = new TreeMap<>(Backends.ORDERING);
        byBackend.forEach((backend, groups) -> {
            List<Campaign> campaigns = groups.values().stream().map(g -> new Campaign(backend, g, results.options().pool()))
                    .sorted(Comparator.comparing(Campaign::newest).thenComparing(c -> c.parts().getLast().origin().shown())).toList();
            drawn.put(backend, campaigns.getLast());
            leftOut.put(backend, campaigns.subList(0, campaigns.size() - 1).stream().flatMap(c -> c.parts().stream()).toList());
        });
        return new Selection(drawn, leftOut);
    }

    /** One file; rows without a model or an outcome are a {@link BadResultFile} listing their lines. */
    static Part read(ResultsFolder results, Path file) throws BadResultFile {
        CsvFile csv = CsvFile.read(file);
        Provenance p = csv.provenance();
        Matcher m = parsedName(file);
        String backend = backend(file, p);
        String seed = p.get("seed").equals("unknown") ? m.group(2) : p.get("seed");
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<Integer> bad = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            String model = row.get("model");
            String outcome = row.get("outcome");
            if (model.isEmpty() || !outcome.matches("[A-Z][A-Z_]*")) {
                bad.add(row.line());
                continue;
            }
            counts.computeIfAbsent(model, x -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
        }
        if (!bad.isEmpty()) {
            throw BadResultFile.rows(file, bad, "a trial needs a model and an outcome such as DETECTED_BY_ISOLATION");
        }
        return new Part(results.origin(file, p, p.quickCommand()), backend, seed, counts);
    }
}
