package mpkernel.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads what {@code ./mpk bench} writes: {@code bench-<date>.json}, an object with
 * {@code provenance} (the keys of every result file) and {@code jmh} (JMH's own JSON result
 * array). A bare JMH array is read too, with unknown provenance. Which entries mean what is
 * {@link BenchMapping}'s business.
 */
final class BenchResults {

    /** One file: provenance and every score in it. */
    record Run(Path file, Provenance provenance, List<JmhScore> scores) {

        /** The scores {@code wanted} accepts, in file order. */
        List<JmhScore> select(Predicate<JmhScore> wanted) {
            return scores.stream().filter(wanted).toList();
        }
    }

    private BenchResults() {
    }

    /**
     * The newest file (by its provenance date, then its name) holding a score that
     * {@code wanted} accepts. Figures take each their newest file, so a run of some benchmarks
     * only does not hide an older run of the others.
     */
    static Optional<Run> newestWith(Path results, Predicate<JmhScore> wanted) throws IOException {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(results)) {
            for (Path file : s.filter(p -> p.getFileName().toString().matches("bench-.*\\.json")).sorted().toList()) {
                runs.add(read(file));
            }
        }
        return runs.stream().filter(r -> r.scores().stream().anyMatch(wanted))
                .max(Comparator.comparing((Run r) -> r.provenance().instant()).thenComparing(r -> r.file().getFileName().toString()));
    }

    /** Reads one file; anything malformed is an {@link IOException} naming it. */
    static Run read(Path file) throws IOException {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, String> provenance = new LinkedHashMap<>();
            JsonArray jmh;
            if (root.isJsonArray()) {
                jmh = root.getAsJsonArray();
            } else {
                JsonObject o = root.getAsJsonObject();
                if (o.has("provenance")) {
                    o.getAsJsonObject("provenance").entrySet()
                            .forEach(e -> provenance.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
                }
                if (!o.has("jmh")) {
                    throw new IOException(file.getFileName() + ": no \"jmh\" array");
                }
                jmh = o.getAsJsonArray("jmh");
            }
            List<JmhScore> scores = new ArrayList<>();
            for (JsonElement e : jmh) {
                scores.add(score(e.getAsJsonObject()));
            }
            return new Run(file, new Provenance(provenance), scores);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException e) {
            throw new IOException(file.getFileName() + ": not a bench result file (" + e.getMessage() + ")", e);
        }
    }

    private static JmhScore score(JsonObject entry) {
        Map<String, String> params = new LinkedHashMap<>();
        if (entry.has("params")) {
            entry.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
        }
        JsonObject metric = entry.getAsJsonObject("primaryMetric");
        return JmhScore.of(entry.get("benchmark").getAsString(), params, number(metric.get("score")),
                number(metric.get("scoreError")), metric.get("scoreUnit").getAsString());
    }

    /** JMH writes {@code "NaN"} as a string when it has no error estimate. */
    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        try {
            return e.getAsDouble();
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }
}
