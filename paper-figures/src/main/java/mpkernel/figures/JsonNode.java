package mpkernel.figures;

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
 *
 * @param file the file it was read from
 * @param where its path in the document, empty for the root
 * @param element the JSON there
 */
record JsonNode(Path file, String where, JsonElement element) {

    /** The document in {@code file}; not JSON at all is a {@link BadResultFile}. */
    static JsonNode read(Path file, String kind) throws BadResultFile {
        String text = TextFile.read(file);
        try {
            // Lenient, as parseString is: the experiments write NaN for an interval they cannot compute.
            return new JsonNode(file, "", JsonParser.parseString(text));
        } catch (JsonParseException e) {
            throw new BadResultFile(file, "not a " + kind + " (not JSON: " + firstLine(e.getMessage()) + ")", e);
        }
    }

    boolean isObject() {
        return element.isJsonObject();
    }

    boolean isArray() {
        return element.isJsonArray();
    }

    boolean has(String key) {
        return element.isJsonObject() && element.getAsJsonObject().has(key) && !element.getAsJsonObject().get(key).isJsonNull();
    }

    /** The field {@code key}, which must be there. */
    JsonNode get(String key) throws BadResultFile {
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
    Optional<JsonNode> find(String key) throws BadResultFile {
        return has(key) ? Optional.of(get(key)) : Optional.empty();
    }

    /** The elements of this array. */
    List<JsonNode> items() throws BadResultFile {
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
    String string() throws BadResultFile {
        if (!element.isJsonPrimitive()) {
            throw bad("is not a string");
        }
        return element.getAsString();
    }

    /** This number; {@code NaN} and {@code "NaN"} read as NaN, anything else that is no number is bad. */
    double number() throws BadResultFile {
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
    boolean bool() throws BadResultFile {
        if (element.isJsonPrimitive()) {
            String v = element.getAsString().trim();
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
        }
        throw bad("is not true or false");
    }

    /** This array of numbers. */
    List<Double> numbers() throws BadResultFile {
        List<Double> xs = new ArrayList<>();
        for (JsonNode n : items()) {
            xs.add(n.number());
        }
        return xs;
    }

    /** This object's primitive fields as strings, others as their JSON: for provenance. */
    Map<String, String> strings() throws BadResultFile {
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
