package mpkernel.experiments.overhead;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mpkernel.results.AtomicFile;
import mpkernel.results.CsvText;
import mpkernel.results.JsonText;
import mpkernel.results.Provenance;

/**
 * The overhead experiment's output: the console table, and the result files (CSV summary and
 * JSON with everything, raw forks included), both carrying the run's provenance and written
 * atomically, so an interrupted run leaves the benchmarks that finished and never a torn file.
 */
public final class OverheadReport {

    /** The paper's average slowdown over its ten macrobenchmarks (VEE'20, section 6). */
    public static final double PAPER_AVERAGE = 0.006;

    /** CSV columns, in order: times are the geometric means of the pairs, from the same estimator as the slowdown. */
    public static final List<String> COLUMNS = List.of("benchmark", "args", "vanilla_s", "isolated_s", "slowdown", "ci_low",
            "ci_high", "p_value", "tost_p", "verdict", "pairs", "verified", "syscalls_per_run", "unsafe_calls_per_run",
            "crossings_per_s", "projected_mpk_low", "projected_mpk_high");

    private final Map<String, String> provenance;
    private final OverheadExperiment.Settings settings;
    private final Projection projection;

    /**
     * A report; {@code projection} may be {@code null} (nothing projected). The projection is
     * arithmetic and stays in columns of its own; beside a measured {@code mpk} run it is a
     * check of the projection, never part of the measurement.
     */
    public OverheadReport(Map<String, String> provenance, OverheadExperiment.Settings settings, Projection projection) {
        this.provenance = provenance;
        this.settings = settings;
        this.projection = projection;
    }

    /** The suite's slowdown over the benchmarks that verified. */
    public SuiteSlowdown suite(List<BenchmarkResult> results) {
        return SuiteSlowdown.of(results.stream().filter(BenchmarkResult::verified).map(BenchmarkResult::logRatios).toList(),
                settings.margin());
    }

    /** CSV columns that hold what was measured in this run. */
    public static final List<String> MEASURED_COLUMNS = COLUMNS.subList(2, 15);
    /** CSV columns that hold the projection: arithmetic, not measured. */
    public static final List<String> PROJECTED_COLUMNS = COLUMNS.subList(15, 17);

    /** The console table. */
    public String table(List<BenchmarkResult> results) {
        StringBuilder sb = new StringBuilder();
        String timing = provenance.getOrDefault("timing", "measured");
        if (!timing.equals("measured")) {
            sb.append(timing).append('\n');
        }
        String iso = settings.isolated().cliName();
        String margin = String.format(Locale.ROOT, "±%s%%", trim(100 * settings.margin()));
        sb.append(String.format(Locale.ROOT, "%-15s %10s %10s %24s %8s %13s %11s%s%n", "benchmark", "vanilla s", iso + " s",
                "slowdown [95% CI]", "p", "TOST " + margin, "crossings/s", projection != null ? "   PROJECTED mpk" : ""));
        for (BenchmarkResult r : results) {
            if (!r.verified()) {
                sb.append(String.format(Locale.ROOT, "%-15s %10s %10s %24s %8s %13s %11s   NOT VERIFIED %s%n", r.benchmark(), "-", "-", "-",
                        "-", "-", "-", r.failure() == null ? "" : r.failure()));
                continue;
            }
            Slowdown s = r.slowdown();
            sb.append(String.format(Locale.ROOT, "%-15s %10.4f %10.4f %24s %8s %13s %11.0f%s%n", r.benchmark(),
                    s.vanillaSeconds(), s.isolatedSeconds(), percent(s), p(s.pValue()), verdict(s), r.crossingsPerSecond(),
                    projection == null ? "" : String.format(Locale.ROOT, "   %s .. %s", fine(projected(r, false)), fine(projected(r, true)))));
        }
        SuiteSlowdown suite = suite(results);
        sb.append(String.format(Locale.ROOT, "%nsuite (%s vs none, %d of %d benchmarks verified, %d ABBA pairs each): %s [%s, %s];"
                        + " equivalent within %s: %s%n", iso, suite.benchmarks(), results.size(), settings.pairs(),
                pct(suite.slowdown()), pct(suite.ciLow()), pct(suite.ciHigh()), margin, suite.equivalent() ? "yes" : "not shown"));
        sb.append(String.format(Locale.ROOT, "paper (VEE'20, mpk on Intel hardware, its own ten benchmarks): %s average%n", pct(PAPER_AVERAGE)));
        sb.append("estimator: ").append(Slowdown.ESTIMATOR).append("; suite: ").append(SuiteSlowdown.ESTIMATOR).append('\n');
        if (projection != null && settings.isolated().cliName().equals("mpk")) {
            sb.append("PROJECTED mpk is a check beside the measured mpk columns, never part of them: how close the projection"
                    + " below comes to real protection keys on this machine.\n");
        }
        if (projection != null) {
            sb.append(String.format(Locale.ROOT, "PROJECTED mpk = crossings x (measured mpk-dry gate %.2f ns + 2 WRPKRU at %.0f..%.0f cycles, %.2f GHz)"
                    + " / vanilla run time. Not a measurement. Source of the WRPKRU range: %s.%n",
                    projection.dryGateNs(), projection.wrpkruCyclesLow(), projection.wrpkruCyclesHigh(), projection.cpuGhz(),
                    Projection.SOURCE));
        }
        return sb.toString();
    }

    private static String verdict(Slowdown s) {
        return switch (s.verdict()) {
            case EQUIVALENT -> "equivalent";
            case SLOWER -> "SLOWER";
            case FASTER -> "faster";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "-" : p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private double projected(BenchmarkResult r, boolean high) {
        return projection.slowdown(r.syscallsPerRun() + r.unsafeCallsPerRun(), r.vanillaWallSeconds(), high);
    }

    private static String percent(Slowdown s) {
        if (Double.isNaN(s.ciLow())) {
            return pct(s.slowdown());
        }
        return String.format(Locale.ROOT, "%s [%s, %s]", pct(s.slowdown()), pct(s.ciLow()), pct(s.ciHigh()));
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * x);
    }

    /** Writes {@code <base>.csv} and {@code <base>.json} atomically. */
    public void write(Path base, List<BenchmarkResult> results, boolean complete) throws IOException {
        AtomicFile.writeString(base.resolveSibling(base.getFileName() + ".csv"), csv(results, complete));
        AtomicFile.writeString(base.resolveSibling(base.getFileName() + ".json"), json(results, complete));
    }

    String csv(List<BenchmarkResult> results, boolean complete) {
        Provenance head = new Provenance(provenance).with("complete", Boolean.toString(complete))
                .with("isolated_backend", settings.isolated().cliName())
                .with("order", "ABBA, pairs: " + settings.pairs() + ", margin: " + settings.margin())
                .with("estimator", Slowdown.ESTIMATOR)
                .with("measured_columns", String.join(",", MEASURED_COLUMNS))
                .with("projected_columns", String.join(",", PROJECTED_COLUMNS) + (projection == null ? " (empty: nothing projected)"
                        : " (arithmetic, not measured: " + Projection.FORMULA + ")"));
        StringBuilder sb = new StringBuilder(CsvText.head(head, COLUMNS));
        for (BenchmarkResult r : results) {
            List<String> row = new ArrayList<>(List.of(r.benchmark(), String.join(" ", r.args())));
            if (r.verified()) {
                Slowdown s = r.slowdown();
                row.addAll(List.of(num(s.vanillaSeconds()), num(s.isolatedSeconds()), num(s.slowdown()),
                        num(s.ciLow()), num(s.ciHigh()), num(s.pValue()), num(s.tostP()), s.verdict().name(), Integer.toString(s.pairs()),
                        "true", num(r.syscallsPerRun()), num(r.unsafeCallsPerRun()),
                        num(r.crossingsPerSecond()), projection == null ? "" : num(projected(r, false)),
                        projection == null ? "" : num(projected(r, true))));
            } else {
                row.addAll(List.of("", "", "", "", "", "", "", "", "", "false", "", "", "", "", ""));
            }
            sb.append(CsvText.row(row));
        }
        return sb.toString();
    }

    String json(List<BenchmarkResult> results, boolean complete) {
        JsonObject root = new JsonObject();
        root.add("provenance", new Provenance(provenance).json());
        root.addProperty("complete", complete);
        JsonObject set = new JsonObject();
        set.addProperty("isolated_backend", settings.isolated().cliName());
        set.addProperty("vanilla_backend", "none");
        set.addProperty("order", "ABBA");
        set.addProperty("pairs", settings.pairs());
        set.addProperty("warmups", settings.warmups());
        set.addProperty("measured", settings.measured());
        set.addProperty("margin", settings.margin());
        set.addProperty("quick", settings.quick());
        set.addProperty("estimator", Slowdown.ESTIMATOR);
        root.add("settings", set);
        root.addProperty("paper_average_slowdown", PAPER_AVERAGE);
        JsonArray benchmarks = new JsonArray();
        JsonArray forks = new JsonArray();
        for (BenchmarkResult r : results) {
            JsonObject b = new JsonObject();
            b.addProperty("benchmark", r.benchmark());
            b.addProperty("args", String.join(" ", r.args()));
            b.addProperty("verified", r.verified());
            if (r.failure() != null) {
                b.addProperty("failure", r.failure());
            }
            if (r.verified()) {
                Slowdown s = r.slowdown();
                b.addProperty("vanilla_s", s.vanillaSeconds());
                b.addProperty("isolated_s", s.isolatedSeconds());
                b.add("slowdown", JsonText.tree(s));
                b.addProperty("verdict", s.verdict().name());
                b.addProperty("syscalls_per_run", r.syscallsPerRun());
                b.addProperty("unsafe_calls_per_run", r.unsafeCallsPerRun());
                b.addProperty("crossings_per_s", r.crossingsPerSecond());
                if (projection != null) {
                    b.addProperty("projected_mpk_low", projected(r, false));
                    b.addProperty("projected_mpk_high", projected(r, true));
                }
            }
            benchmarks.add(b);
            r.vanilla().forEach(f -> forks.add(JsonText.tree(f)));
            r.isolated().forEach(f -> forks.add(JsonText.tree(f)));
        }
        root.add("benchmarks", benchmarks);
        SuiteSlowdown suite = suite(results);
        JsonObject avg = JsonText.tree(suite).getAsJsonObject();
        avg.addProperty("estimator", SuiteSlowdown.ESTIMATOR);
        root.add("suite", avg);
        if (projection != null) {
            JsonObject p = JsonText.tree(projection).getAsJsonObject();
            p.addProperty("source", Projection.SOURCE);
            p.addProperty("note", "PROJECTED, not measured: " + Projection.FORMULA);
            root.add("projection", p);
        }
        root.add("forks", forks);
        return JsonText.of(root);
    }

    /** Small percentages (the projection) with enough digits to be non-zero. */
    private static String fine(double x) {
        return String.format(Locale.ROOT, "%+.4f%%", 100 * x);
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x);
    }
}
