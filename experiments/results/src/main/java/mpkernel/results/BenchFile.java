package mpkernel.results;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

/**
 * What {@code ./mpk bench} writes, {@code bench-<stamp>.json}: an object with {@code provenance}
 * and {@code jmh}, JMH's own JSON result array kept verbatim, each measured iteration in
 * {@code primaryMetric.rawData}. The one reader of JMH's results: a bare JMH array reads too,
 * with no provenance.
 *
 * @param provenance where and how it was measured
 * @param results JMH's results, in file order, in JMH's units (each one that
 *     {@link JmhResult#inNanos()} converts: a file with another unit does not read)
 */
public record BenchFile(Provenance provenance, List<JmhResult> results) {

    private static final String KIND = "bench result file";

    public BenchFile {
        results = List.copyOf(results);
    }

    /** Writes {@code provenance} and JMH's JSON {@code jmhJson} to {@code target}, atomically. */
    public static void write(Path target, Provenance provenance, String jmhJson) throws IOException {
        StringWriter text = new StringWriter();
        // JsonWriter rather than a Gson tree: JMH's array goes in as JMH wrote it, and strings are not HTML-escaped.
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject().name("provenance").beginObject();
            for (Map.Entry<String, String> e : provenance.fields().entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject().name("jmh").jsonValue(jmhJson.strip()).endObject();
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(e);
        }
        AtomicFile.writeString(target, text + "\n");
    }

    /** Reads a bench file or JMH's bare result array; anything malformed is a {@link BadResultFile} naming it. */
    public static BenchFile read(Path file) throws BadResultFile {
        JsonNode root = JsonNode.read(file, KIND);
        if (root.isArray()) {
            return new BenchFile(Provenance.NONE, results(root));
        }
        if (!root.isObject()) {
            throw new BadResultFile(file, "not a " + KIND + " (neither an object nor JMH's array)");
        }
        Provenance provenance = root.has("provenance") ? Provenance.read(root.get("provenance")) : Provenance.NONE;
        return new BenchFile(provenance, results(root.get("jmh")));
    }

    private static List<JmhResult> results(JsonNode array) throws BadResultFile {
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode entry : array.items()) {
            results.add(result(entry));
        }
        return results;
    }

    private static JmhResult result(JsonNode entry) throws BadResultFile {
        JsonNode metric = entry.get("primaryMetric");
        List<Double> samples = new ArrayList<>();
        if (metric.has("rawData")) {
            for (JsonNode fork : metric.get("rawData").items()) {
                // NaN marks an iteration JMH could not measure: no sample.
                fork.numbers().stream().filter(x -> !x.isNaN()).forEach(samples::add);
            }
        }
        // JMH writes "NaN" when it has no error estimate, or leaves the field out.
        double error = metric.has("scoreError") ? metric.get("scoreError").number() : Double.NaN;
        Map<String, String> params = entry.has("params") ? entry.get("params").strings() : Map.of();
        JmhResult result = new JmhResult(entry.get("benchmark").string(), params, metric.get("score").number(), error,
                metric.get("scoreUnit").string(), samples);
        try {
            // Checked here, so that a reader may convert any result it was given.
            result.inNanos();
        } catch (IllegalArgumentException e) {
            throw new BadResultFile(entry.file(), "\"" + metric.where() + ".scoreUnit\": " + e.getMessage());
        }
        return result;
    }
}
