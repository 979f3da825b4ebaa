package mpkernel.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import mpkernel.results.BadResultFile;
import mpkernel.results.JsonNode;
import mpkernel.results.Provenance;

/**
 * How the readers of the JSON result files ({@code ./mpk sweep}'s, {@code ./mpk netbench}'s)
 * pick the run a figure draws: of the files {@code PREFIX-<stamp>.json} that say
 * {@code "complete": true} and that the results folder admits, the newest by the stamp in its
 * name, then by its provenance date. Every complete file is read, so that a damaged one is
 * reported rather than passed over.
 */
final class JsonRunFiles {

    /** Reads the rest of one complete file into a run; its origin is already known. */
    @FunctionalInterface
    interface Reader<R> {
        /**
         * The run in one complete file.
         *
         * @param root the file's top-level object
         * @param settings its {@code settings} object
         * @param origin where it was read from, and whether it is a smoke run
         */
        R read(JsonNode root, JsonNode settings, ResultFile origin) throws BadResultFile;
    }

    private JsonRunFiles() {
    }

    /**
     * The newest complete run of {@code prefix-*.json} in {@code results}.
     *
     * @param kind what the files are, for messages: {@code sweep result file}
     * @param origin the origin a read run records, to choose by
     * @throws BadResultFile when a file is not a JSON object or a complete one lacks what {@code reader} needs
     */
    static <R> Optional<R> newest(ResultsFolder results, String prefix, String kind, Reader<R> reader, Function<R, ResultFile> origin)
            throws BadResultFile {
        String pattern = prefix + "-.*\\.json";
        List<R> runs = new ArrayList<>();
        for (Path file : results.list(n -> n.matches(pattern))) {
            JsonNode root = JsonNode.read(file, kind);
            if (!root.isObject()) {
                throw new BadResultFile(file, "not a " + kind + " (not a JSON object)");
            }
            if (root.has("complete") && root.get("complete").bool()) {
                R run = read(results, file, root, reader);
                if (results.admits(origin.apply(run))) {
                    runs.add(run);
                }
            }
        }
        return runs.stream().max(Comparator.comparing((R r) -> origin.apply(r).file().getFileName().toString())
                .thenComparing(r -> origin.apply(r).provenance().instant()));
    }

    /** A smoke run is one in {@code quick/}, or one whose command or {@code settings.quick} says so. */
    private static <R> R read(ResultsFolder results, Path file, JsonNode root, Reader<R> reader) throws BadResultFile {
        Provenance p = root.has("provenance") ? Provenance.read(root.get("provenance")) : Provenance.NONE;
        JsonNode settings = root.get("settings");
        boolean quick = p.quickCommand() || settings.has("quick") && settings.get("quick").bool();
        return reader.read(root, settings, results.origin(file, p, quick));
    }
}
