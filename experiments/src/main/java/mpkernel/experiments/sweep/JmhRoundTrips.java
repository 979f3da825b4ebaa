package mpkernel.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The JMH gate round trips ({@code GateBench.roundTrip}) of one commit, from the newest
 * {@code bench-*.json} in a results folder whose provenance names that commit: what a sweep's
 * cost per crossing is held against.
 *
 * @param file the bench file read
 * @param nanos per backend, the round trip in nanoseconds
 * @param errors per backend, JMH's 99.9% half-width
 */
public record JmhRoundTrips(Path file, Map<String, Double> nanos, Map<String, Double> errors) {

    /** The round trips of {@code commit} in {@code results}, if a bench run of that commit is there. */
    public static Optional<JmhRoundTrips> of(Path results, String commit) throws IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("bench-\\d{8}-\\d{6}\\.json"))
                    .sorted(Comparator.reverseOrder()).toList()) {
                JsonObject root = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
                JsonElement c = root.getAsJsonObject("provenance").get("commit");
                if (c == null || !c.getAsString().equals(commit)) {
                    continue;
                }
                Map<String, Double> nanos = new HashMap<>();
                Map<String, Double> errors = new HashMap<>();
                for (JsonElement e : root.getAsJsonArray("jmh")) {
                    JsonObject r = e.getAsJsonObject();
                    if (r.get("benchmark").getAsString().endsWith("GateBench.roundTrip")) {
                        String backend = r.getAsJsonObject("params").get("backend").getAsString();
                        JsonObject m = r.getAsJsonObject("primaryMetric");
                        nanos.put(backend, m.get("score").getAsDouble());
                        errors.put(backend, m.get("scoreError").isJsonPrimitive() && m.get("scoreError").getAsJsonPrimitive().isNumber()
                                ? m.get("scoreError").getAsDouble() : Double.NaN);
                    }
                }
                return Optional.of(new JmhRoundTrips(f, nanos, errors));
            }
        }
        return Optional.empty();
    }
}
