package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what {@code ./mpk reproduce} writes: {@code overhead-<backend>-<yyyyMMdd-HHmmss>.csv},
 * provenance comments then one row per benchmark (times in seconds, slowdown as a fraction).
 * The figures use the newest <em>complete</em> file per isolated backend; an interrupted run's
 * file says {@code # complete: false} and is passed over.
 */
final class OverheadResults {

    /** The command that produces these files. */
    static final String COMMAND = "./mpk reproduce";

    private static final Pattern NAME = Pattern.compile("overhead-(.+)-(\\d{8}-\\d{6})\\.csv");

    /**
     * One benchmark of a run. Times are the means over forks; the slowdown and its 95% interval
     * are fractions (0.006 is 0.6%); numbers are NaN where the file has an empty cell.
     */
    record Row(String benchmark, double vanillaSeconds, double isolatedSeconds, double slowdown, double ciLow,
               double ciHigh, boolean verified, double crossingsPerSecond) {
    }

    /** One result file: its provenance, isolated backend and rows in file order. */
    record Run(Path file, Provenance provenance, String backend, List<Row> rows) {

        /** The rows whose benchmark completed and verified on both builds. */
        List<Row> verified() {
            return rows.stream().filter(Row::verified).toList();
        }

        /** Arithmetic mean of the verified slowdowns, as the paper averages; NaN without any. */
        double meanSlowdown() {
            return verified().stream().mapToDouble(Row::slowdown).average().orElse(Double.NaN);
        }
    }

    private OverheadResults() {
    }

    /**
     * The newest complete run per isolated backend, in {@link Backends#ORDERING}; empty when
     * there is none. A file that cannot be read is an {@link IOException} naming it.
     */
    static Map<String, Run> newestPerBackend(Path results) throws IOException {
        List<Run> complete = new ArrayList<>();
        for (Path file : files(results)) {
            CommentedCsv csv = CommentedCsv.read(file);
            if (!"true".equals(csv.comments().get("complete"))) {
                continue;
            }
            complete.add(run(csv));
        }
        complete.sort(Comparator.comparing(OverheadResults::stamp));
        Map<String, Run> newest = new TreeMap<>(Backends.ORDERING);
        complete.forEach(r -> newest.put(r.backend(), r));
        return newest;
    }

    /** Every {@code overhead-*.csv} in {@code results}, complete or not. */
    static List<Path> files(Path results) throws IOException {
        try (Stream<Path> s = Files.list(results)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static Run run(CommentedCsv csv) throws IOException {
        Map<String, String> c = csv.comments();
        String backend = c.getOrDefault("isolated_backend", c.get("backend"));
        if (backend == null) {
            throw new IOException(csv.file().getFileName() + ": no '# isolated_backend:' line");
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : csv.rows()) {
            String name = r.getOrDefault("benchmark", "");
            if (name.isBlank()) {
                throw new IOException(csv.file().getFileName() + ": a row without a benchmark name");
            }
            rows.add(new Row(name, CommentedCsv.number(r, "vanilla_s"), CommentedCsv.number(r, "isolated_s"),
                    CommentedCsv.number(r, "slowdown"), CommentedCsv.number(r, "ci_low"), CommentedCsv.number(r, "ci_high"),
                    "true".equals(r.get("verified")) && !Double.isNaN(CommentedCsv.number(r, "slowdown")),
                    CommentedCsv.number(r, "crossings_per_s")));
        }
        return new Run(csv.file(), new Provenance(c), backend, rows);
    }

    /** When a file was written: the stamp in its name, else its provenance date. */
    private static String stamp(Run r) {
        Matcher m = NAME.matcher(r.file().getFileName().toString());
        return m.matches() ? m.group(2) : r.provenance().instant().toString();
    }
}
