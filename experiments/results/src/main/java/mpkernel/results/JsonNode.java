package mpkernel.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A place in a result file's JSON, for readers that need fields of a certain kind: a missing or
 * mistyped field is a {@link BadResultFile} naming the file and the field's path
 * ({@code backends[1].steps[0].slowdown}), never an exception from inside Gson. Numbers may be
 * written as {@code NaN} (the experiments serialize special values) or as the string
 * {@code "NaN"} (JMH does).
 */
public final class JsonNode {

    private final Path file;
    private final String where;
    private final JsonElement element;

    private JsonNode(Path file, String where, JsonElement element) {
        this.file = file;
        this.where = where;
        this.element = element;
    }

    /** The document in {@code file}, a {@code kind} such as {@code sweep result file}; not JSON at all is a {@link BadResultFile}. */
    public static JsonNode read(Path file, String kind) throws BadResultFile {
        String text = ResultText.read(file);
        try {
            // Lenient, as parseString is: the experiments write NaN for an interval they cannot compute.
            return new JsonNode(file, "", JsonParser.parseString(text));
        } catch (JsonParseException e) {
            throw new BadResultFile(file, "not a " + kind + " (not JSON: " + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** Its path in the document, e.g. {@code jmh[0].primaryMetric}; empty for the root. */
    public String where() {
        return where;
    }

    public boolean isObject() {
        return element.isJsonObject();
    }

    public boolean isArray() {
        return element.isJsonArray();
    }

    /** Whether this is an object with a field {@code key} that is not {@code null}. */
    public boolean has(String key) {
        return element.isJsonObject() && element.getAsJsonObject().has(key) && !element.getAsJsonObject().get(key).isJsonNull();
    }

    /** The field {@code key}, which must be there. */
    public JsonNode get(String key) throws BadResultFile {
        if (!element.isJsonObject()) {
            throw bad("is not an object");
        }
        JsonElement e = element.getAsJsonObject().get(key);
        if (e == null || e.isJsonNull()) {
            throw new BadResultFile(file, "no \"" + path(key) + "\"");
        }
        return new JsonNode(file, path(key), e);
    }

    /** The field {@code key} if it is there. */
    public Optional<JsonNode> find(String key) throws BadResultFile {
        return has(key) ? Optional.of(get(key)) : Optional.empty();
    }

    /** The elements of this array. */
    public List<JsonNode> items() throws BadResultFile {
        if (!element.isJsonArray()) {
            throw bad("is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < element.getAsJsonArray().size(); i++) {
            items.add(new JsonNode(file, where + "[" + i + "]", element.getAsJsonArray().get(i)));
        }
        return items;
    }

    /** This string (or any other primitive, as written). */
    public String string() throws BadResultFile {
        if (!element.isJsonPrimitive()) {
            throw bad("is not a string");
        }
        return element.getAsString();
    }

    /** This number; {@code NaN} and {@code "NaN"} read as NaN, anything else that is no number is bad. */
    public double number() throws BadResultFile {
        if (element.isJsonPrimitive() && !element.getAsJsonPrimitive().isBoolean()) {
            try {
                return Double.parseDouble(element.getAsString().trim());
            } catch (NumberFormatException e) {
                // not a number: reported below
            }
        }
        throw bad("is not a number");
    }

    /** This boolean, also written as the string {@code true} or {@code false}. */
    public boolean bool() throws BadResultFile {
        if (element.isJsonPrimitive()) {
            String v = element.getAsString().trim();
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
        }
        throw bad("is not true or false");
    }

    /** This array of numbers. */
    public List<Double> numbers() throws BadResultFile {
        List<Double> xs = new ArrayList<>();
        for (JsonNode n : items()) {
            xs.add(n.number());
        }
        return xs;
    }

    /** This object's primitive fields as strings, others as their JSON: for provenance and JMH's parameters. */
    public Map<String, String> strings() throws BadResultFile {
        if (!element.isJsonObject()) {
            throw bad("is not an object");
        }
        Map<String, String> m = new LinkedHashMap<>();
        element.getAsJsonObject().entrySet().forEach(e -> m.put(e.getKey(),
                e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        return m;
    }

    private String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private BadResultFile bad(String what) {
        return new BadResultFile(file, (where.isEmpty() ? "the document" : "\"" + where + "\"") + " " + what);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
