package mpkernel.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads what {@code ./mpk bench} writes: {@code bench-<date>.json}, an object with
 * {@code provenance} (the keys of every result file) and {@code jmh} (JMH's own JSON result
 * array, each measured iteration in {@code primaryMetric.rawData}). A bare JMH array is read
 * too, with unknown provenance. Which entries mean what is {@link BenchMapping}'s business. A
 * smoke run says {@code --quick} in its provenance's command, or lies in {@code quick/}.
 */
final class BenchResults {

    /** One file: where it came from and every score in it. */
    record Run(ResultFile origin, List<JmhScore> scores) {

        Path file() {
            return origin.file();
        }

        Provenance provenance() {
            return origin.provenance();
        }

        /** The scores {@code wanted} accepts, in file order. */
        List<JmhScore> select(Predicate<JmhScore> wanted) {
            return scores.stream().filter(wanted).toList();
        }
    }

    private static final String KIND = "bench result file";

    private BenchResults() {
    }

    /**
     * The newest file that {@code results} admits (by its provenance date, then its name)
     * holding a score that {@code wanted} accepts. Figures take each their newest file, so a run
     * of some benchmarks only does not hide an older run of the others.
     */
    static Optional<Run> newestWith(ResultsFolder results, Predicate<JmhScore> wanted) throws BadResultFile {
        List<Run> runs = new ArrayList<>();
        for (Path file : results.list(n -> n.matches("bench-.*\\.json"))) {
            Run run = read(results, file);
            if (results.admits(run.origin()) && run.scores().stream().anyMatch(wanted)) {
                runs.add(run);
            }
        }
        return runs.stream().max(Comparator.comparing((Run r) -> r.provenance().instant()).thenComparing(r -> r.origin().shown()));
    }

    /** Reads one file; anything malformed is a {@link BadResultFile} naming it. */
    static Run read(ResultsFolder results, Path file) throws BadResultFile {
        JsonNode root = JsonNode.read(file, KIND);
        Map<String, String> provenance = new LinkedHashMap<>();
        JsonNode jmh;
        if (root.isArray()) {
            jmh = root;
        } else if (root.isObject()) {
            if (root.has("provenance")) {
                provenance.putAll(root.get("provenance").strings());
            }
            jmh = root.get("jmh");
        } else {
            throw new BadResultFile(file, "not a " + KIND + " (neither an object nor JMH's array)");
        }
        List<JmhScore> scores = new ArrayList<>();
        for (JsonNode entry : jmh.items()) {
            scores.add(score(entry));
        }
        Provenance p = new Provenance(provenance);
        return new Run(results.origin(file, p, p.quickCommand()), scores);
    }

    private static JmhScore score(JsonNode entry) throws BadResultFile {
        Map<String, String> params = new LinkedHashMap<>();
        if (entry.has("params")) {
            params.putAll(entry.get("params").strings());
        }
        JsonNode metric = entry.get("primaryMetric");
        List<Double> samples = new ArrayList<>();
        if (metric.has("rawData")) {
            for (JsonNode fork : metric.get("rawData").items()) {
                samples.addAll(fork.numbers());
            }
        }
        String unit = metric.get("scoreUnit").string();
        try {
            return JmhScore.of(entry.get("benchmark").string(), params, metric.get("score").number(), error(metric), unit, samples);
        } catch (IllegalArgumentException e) {
            throw new BadResultFile(entry.file(), "\"" + metric.where() + ".scoreUnit\": " + e.getMessage());
        }
    }

    /** JMH writes {@code "NaN"} when it has no error estimate, or leaves the field out. */
    private static double error(JsonNode metric) throws BadResultFile {
        return metric.has("scoreError") ? metric.get("scoreError").number() : Double.NaN;
    }
}
