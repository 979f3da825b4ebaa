package mpkernel.results;

import java.io.IOException;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/**
 * The JSON result files as the experiments write them: Gson's pretty printing, two spaces a
 * level, a line break at the end, and NaN and the infinities written as such (an interval that
 * cannot be computed is NaN, and {@link JsonNode} reads it back).
 */
public final class JsonText {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    private JsonText() {
    }

    /** {@code value}'s tree as Gson builds it: a record's components as fields, NaN kept. */
    public static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }

    /** {@code tree} as the text of a result file. */
    public static String of(JsonElement tree) {
        return GSON.toJson(tree) + "\n";
    }

    /** Writes {@code tree} to {@code file}, atomically. */
    public static void write(Path file, JsonElement tree) throws IOException {
        AtomicFile.writeString(file, of(tree));
    }
}
