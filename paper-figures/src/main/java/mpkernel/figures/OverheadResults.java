package mpkernel.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.results.BadResultFile;
import mpkernel.results.CsvFile;
import mpkernel.results.JsonNode;
import mpkernel.results.Provenance;

/**
 * Reads what {@code ./mpk reproduce} writes: {@code overhead-<backend>-<yyyyMMdd-HHmmss>.csv},
 * provenance comments then one row per benchmark (times in seconds, slowdown and its 95%
 * interval as fractions, the TOST verdict, crossings per second), and beside it a
 * {@code .json} of the same name, from which the figures take what the CSV lacks: whether the
 * run was a smoke run ({@code settings.quick}) and the suite's slowdown ({@code suite}).
 * Columns are found by name, so files of older versions (without {@code verdict}) still read.
 *
 * <p>The figures use the newest <em>complete</em> file per isolated backend; an interrupted
 * run's file says {@code # complete: false} and is passed over, and so is a smoke run unless
 * the user includes them.
 */
final class OverheadResults {

    /** The command that produces these files. */
    static final String COMMAND = "./mpk reproduce";

    private static final Pattern NAME = Pattern.compile("overhead-(.+)-(\\d{8}-\\d{6})\\.csv");

    /**
     * One benchmark of a run. Times are the geometric means of the pairs; the slowdown and its
     * 95% interval are fractions (0.006 is 0.6%); numbers are NaN where the file has an empty cell.
     *
     * @param verdict the TOST verdict as written ({@code EQUIVALENT}, {@code SLOWER}, {@code FASTER},
     *     {@code INCONCLUSIVE}), empty in files that predate it
     */
    record Row(String benchmark, double vanillaSeconds, double isolatedSeconds, double slowdown, double ciLow,
               double ciHigh, String verdict, boolean verified, double crossingsPerSecond) {
    }

    /**
     * The suite's slowdown, from the JSON: the geometric mean over the verified benchmarks with
     * its bootstrap 95% interval, fractions.
     */
    record Suite(double slowdown, double ciLow, double ciHigh, boolean equivalent, double margin, int benchmarks) {
    }

    /** One result file: where it came from, its isolated backend, its rows in file order, and the suite if the JSON has it. */
    record Run(ResultFile origin, String backend, List<Row> rows, Optional<Suite> suite) {

        Path file() {
            return origin.file();
        }

        Provenance provenance() {
            return origin.provenance();
        }

        /** The rows whose benchmark completed and verified on both builds. */
        List<Row> verified() {
            return rows.stream().filter(Row::verified).toList();
        }
    }

    private OverheadResults() {
    }

    /**
     * The newest complete run per isolated backend that {@code results} admits, in
     * {@link Backends#ORDERING}; empty when there is none.
     */
    static Map<String, Run> newestPerBackend(ResultsFolder results) throws BadResultFile {
        Map<String, Run> newest = new TreeMap<>(Backends.ORDERING);
        complete(results).forEach(r -> newest.put(r.backend(), r));
        return newest;
    }

    /** The newest complete run of any backend that {@code results} admits. */
    static Optional<Run> newest(ResultsFolder results) throws BadResultFile {
        List<Run> all = complete(results);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Complete, admitted runs, oldest first. */
    private static List<Run> complete(ResultsFolder results) throws BadResultFile {
        List<Run> complete = new ArrayList<>();
        for (Path file : results.list(n -> NAME.matcher(n).matches())) {
            CsvFile csv = CsvFile.read(file);
            if (!csv.provenance().get("complete").equals("true")) {
                continue;
            }
            Run run = run(results, csv);
            if (results.admits(run.origin())) {
                complete.add(run);
            }
        }
        complete.sort(Comparator.comparing(OverheadResults::stamp).thenComparing(r -> r.origin().shown()));
        return complete;
    }

    private static Run run(ResultsFolder results, CsvFile csv) throws BadResultFile {
        Provenance provenance = csv.provenance();
        String backend = provenance.find("isolated_backend").or(() -> provenance.find("backend")).orElse(null);
        if (backend == null) {
            throw new BadResultFile(csv.file(), "no '# isolated_backend:' line");
        }
        List<Row> rows = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        for (CsvFile.Row r : csv.rows()) {
            Optional<Row> row = row(r);
            if (row.isPresent()) {
                rows.add(row.get());
            } else {
                bad.add(r.line());
            }
        }
        if (!bad.isEmpty()) {
            throw BadResultFile.rows(csv.file(), bad, "a benchmark name, verified true or false, and for a verified benchmark"
                    + " numbers for vanilla_s, isolated_s and slowdown are needed");
        }
        Path json = json(csv.file());
        boolean quick = provenance.quickCommand();
        Optional<Suite> suite = Optional.empty();
        if (Files.isRegularFile(json)) {
            JsonNode root = JsonNode.read(json, "overhead result file");
            Optional<JsonNode> settings = root.find("settings");
            if (settings.isPresent() && settings.get().has("quick")) {
                quick |= settings.get().get("quick").bool();
            }
            Optional<JsonNode> s = root.find("suite");
            if (s.isPresent()) {
                suite = Optional.of(suite(s.get()));
            }
        }
        return new Run(results.origin(csv.file(), provenance, quick), backend, rows, suite);
    }

    /** A row, or empty when it is malformed. */
    private static Optional<Row> row(CsvFile.Row r) {
        String name = r.get("benchmark");
        String verified = r.get("verified");
        if (name.isEmpty() || !(verified.equals("true") || verified.equals("false"))) {
            return Optional.empty();
        }
        boolean ok = verified.equals("true");
        if (ok && (Double.isNaN(r.number("slowdown")) || Double.isNaN(r.number("vanilla_s")) || Double.isNaN(r.number("isolated_s")))) {
            return Optional.empty();
        }
        for (String column : List.of("ci_low", "ci_high", "crossings_per_s")) {
            if (r.notANumber(column)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Row(name, r.number("vanilla_s"), r.number("isolated_s"), r.number("slowdown"), r.number("ci_low"),
                r.number("ci_high"), r.get("verdict"), ok, r.number("crossings_per_s")));
    }

    private static Suite suite(JsonNode s) throws BadResultFile {
        return new Suite(s.get("slowdown").number(), s.get("ciLow").number(), s.get("ciHigh").number(), s.get("equivalent").bool(),
                s.get("margin").number(), (int) s.get("benchmarks").number());
    }

    /** {@code overhead-x-stamp.csv} → {@code overhead-x-stamp.json}, written with it. */
    private static Path json(Path csv) {
        String n = csv.getFileName().toString();
        return csv.resolveSibling(n.substring(0, n.length() - ".csv".length()) + ".json");
    }

    /** When a file was written: the stamp in its name, else its provenance date. */
    private static String stamp(Run r) {
        Matcher m = NAME.matcher(r.file().getFileName().toString());
        return m.matches() ? m.group(2) : r.provenance().instant().toString();
    }
}
