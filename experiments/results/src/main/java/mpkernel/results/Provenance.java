package mpkernel.results;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;

/**
 * Where a result file's numbers come from: backend, CPU and cores, PKU present or not, inside
 * the QEMU guest or not, JDK, git commit, date, command, and whatever else a run records of
 * itself (seed, settings). A CSV carries it as {@code # key: value} lines above its header
 * ({@link #comment}, {@link #field}), a JSON file as its {@code provenance} object
 * ({@link #json}, {@link #read(JsonNode)}). A missing field reads as {@code unknown}.
 *
 * @param fields the fields, in the order they are written
 */
public record Provenance(Map<String, String> fields) {

    /** Between a key and its value in a comment line. */
    private static final String SEPARATOR = ": ";

    /** No fields: a file that records nothing of itself. */
    public static final Provenance NONE = new Provenance(Map.of());

    public Provenance {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field {@code key} without surrounding blanks; {@code unknown} when the file lacks it or leaves it blank. */
    public String get(String key) {
        String v = fields.get(key);
        return v == null || v.isBlank() ? "unknown" : v.strip();
    }

    /** The field {@code key} without surrounding blanks, if the file has it. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(fields.get(key)).map(String::strip);
    }

    /** These fields and {@code key: value} after them (replacing an earlier {@code key}). */
    public Provenance with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(key, value);
        return new Provenance(more);
    }

    public String backend() {
        return get("backend");
    }

    public String commit() {
        return get("commit");
    }

    public String command() {
        return get("command");
    }

    /**
     * Whether the command that wrote the file was a smoke run: {@code --quick} among its words.
     * The overhead CSV and the bench file say so only here.
     */
    public boolean quickCommand() {
        return List.of(command().split("\\s+")).contains("--quick");
    }

    /** The machine and platform together: two files with the same value ran on the same kind of machine. */
    public String where() {
        return machine() + "; " + platform();
    }

    /** The CPU and its cores, e.g. {@code Intel(R) Xeon(R) Processor, 2 cores}. */
    public String machine() {
        String cores = get("cores");
        return get("cpu") + (cores.equals("unknown") ? "" : ", " + cores + " cores");
    }

    /** PKU and QEMU in words, e.g. {@code no PKU, on the host (not QEMU)} or {@code PKU, inside the QEMU guest}. */
    public String platform() {
        String pku = switch (get("pku")) {
            case "yes", "true" -> "PKU";
            case "no", "false" -> "no PKU";
            default -> "PKU unknown";
        };
        String where = switch (get("inside_qemu")) {
            case "yes", "true" -> "inside the QEMU guest";
            case "no", "false" -> "on the host (not QEMU)";
            default -> "QEMU unknown";
        };
        return pku + ", " + where;
    }

    /** The run's date, to the second ({@code 2026-11-25T03:22:11Z}); as written when it is no ISO instant. */
    public String date() {
        String d = get("date");
        try {
            return Instant.parse(d).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return d;
        }
    }

    /** The run's instant, {@link Instant#EPOCH} when unknown: for picking the newest file. */
    public Instant instant() {
        try {
            return Instant.parse(get("date"));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** The fields as the {@code provenance} object of a JSON result file, every value a string. */
    public JsonObject json() {
        JsonObject o = new JsonObject();
        fields.forEach(o::addProperty);
        return o;
    }

    /**
     * The {@code provenance} object of a JSON result file: strings, numbers and booleans as
     * written, anything else as its JSON text.
     */
    public static Provenance read(JsonNode object) throws BadResultFile {
        return new Provenance(object.strings());
    }

    /** The text of the comment line that carries {@code field} in a CSV, without the comment marker. */
    static String comment(Map.Entry<String, String> field) {
        return field.getKey() + SEPARATOR + field.getValue();
    }

    /**
     * The field a CSV comment line carries ({@code # key: value}): the first colon ends the key,
     * so values may hold colons; a comment without a colon carries none. The key is trimmed and
     * the value keeps all but its leading blanks, so that a file written again from what was
     * read (shards merged into one) says what the original said.
     */
    static Optional<Map.Entry<String, String>> field(String commentLine) {
        String text = commentLine.startsWith("#") ? commentLine.substring(1) : commentLine;
        int colon = text.indexOf(':');
        if (colon < 0 || text.substring(0, colon).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AbstractMap.SimpleImmutableEntry<>(text.substring(0, colon).strip(), text.substring(colon + 1).stripLeading()));
    }
}
