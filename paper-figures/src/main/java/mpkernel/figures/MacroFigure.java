package mpkernel.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpkernel.results.BadResultFile;
import org.knowm.xchart.XYChart;

/**
 * The paper's macrobenchmark figure, one per isolated backend: the run time of each benchmark on
 * the vanilla and the isolated build, side by side; below, the slowdown of isolated over
 * vanilla with its 95% confidence interval, the suite's slowdown when the run's JSON has it, and
 * the paper's 0.6% average as a reference line.
 */
final class MacroFigure implements Figure {

    /** The paper's average slowdown over its ten macrobenchmarks, mpk on Intel hardware (VEE'20, section 6). */
    static final double PAPER_AVERAGE = 0.006;

    static final Mark VANILLA = new Mark(Mark.Form.CIRCLE, Mark.Tone.WHITE);
    static final Mark ISOLATED = new Mark(Mark.Form.SQUARE, Mark.Tone.BLACK);
    static final Mark SLOWDOWN = new Mark(Mark.Form.DIAMOND, Mark.Tone.GREY);
    static final Mark SUITE = new Mark(Mark.Form.DIAMOND, Mark.Tone.BLACK);

    private static final int TIMES_HEIGHT = 400;
    private static final int SLOWDOWN_HEIGHT = 320;
    private static final String SUITE_LABEL = "suite";

    @Override
    public String subject() {
        return "macrobenchmarks";
    }

    @Override
    public String command() {
        return OverheadResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        List<Drawing> drawings = new ArrayList<>();
        for (OverheadResults.Run run : OverheadResults.newestPerBackend(results).values()) {
            if (!run.verified().isEmpty()) {
                drawings.add(drawing(run));
            }
        }
        if (drawings.isEmpty()) {
            throw new MissingResults(subject(), "no complete " + results.name() + "/overhead-*.csv with a verified benchmark", command());
        }
        return drawings;
    }

    private Drawing drawing(OverheadResults.Run run) {
        String isolated = "isolated (" + run.backend() + ")";
        List<OverheadResults.Row> rows = run.verified();
        List<String> names = rows.stream().map(OverheadResults.Row::benchmark).toList();

        List<Double> all = new ArrayList<>();
        rows.forEach(r -> {
            all.add(r.vanillaSeconds());
            all.add(r.isolatedSeconds());
        });
        boolean log = Text.needsLogAxis(all);
        XYChart times = Look.chart(TIMES_HEIGHT, "Macrobenchmarks: vanilla (none) vs " + isolated, "benchmark",
                log ? "run time (s, log scale)" : "run time (s)");
        if (log) {
            Look.logY(times, all);
        } else {
            Look.linearY(times, all);
        }
        Look.categories(times, names);
        PointLayer t = Look.layer(times, 2);
        for (int i = 0; i < rows.size(); i++) {
            t.value(i, rows.get(i).vanillaSeconds(), Double.NaN, Double.NaN, VANILLA, -0.5, null);
            t.value(i, rows.get(i).isolatedSeconds(), Double.NaN, Double.NaN, ISOLATED, 0.5, null);
        }

        List<String> categories = new ArrayList<>(names);
        run.suite().ifPresent(s -> categories.add(SUITE_LABEL));
        XYChart slow = Look.chart(SLOWDOWN_HEIGHT, "Slowdown of " + isolated + " over vanilla, with 95% CI", "benchmark", "slowdown (%)");
        List<Double> range = new ArrayList<>(List.of(100 * PAPER_AVERAGE));
        rows.forEach(r -> range.addAll(List.of(100 * r.slowdown(), 100 * r.ciLow(), 100 * r.ciHigh())));
        run.suite().ifPresent(s -> range.addAll(List.of(100 * s.slowdown(), 100 * s.ciLow(), 100 * s.ciHigh())));
        Look.linearY(slow, range);
        Look.categories(slow, categories);
        PointLayer s = Look.layer(slow, 1);
        s.guide(false, 0, Look.THIN, null);
        s.guide(false, 100 * PAPER_AVERAGE, Look.DASHED, "paper " + Text.share(PAPER_AVERAGE));
        for (int i = 0; i < rows.size(); i++) {
            OverheadResults.Row r = rows.get(i);
            s.value(i, 100 * r.slowdown(), 100 * r.ciLow(), 100 * r.ciHigh(), SLOWDOWN, 0, null);
        }
        run.suite().ifPresent(x -> s.value(rows.size(), 100 * x.slowdown(), 100 * x.ciLow(), 100 * x.ciHigh(), SUITE, 0, null));

        List<Canvas.LegendEntry> legend = new ArrayList<>(List.of(
                Canvas.LegendEntry.point("vanilla (none)", VANILLA),
                Canvas.LegendEntry.point(isolated, ISOLATED),
                Canvas.LegendEntry.interval("slowdown, 95% CI", SLOWDOWN)));
        run.suite().ifPresent(x -> legend.add(Canvas.LegendEntry.interval("suite: " + Text.percent(x.slowdown(), x.ciLow(), x.ciHigh()), SUITE)));
        legend.add(Canvas.LegendEntry.line("paper's average, VEE'20 (mpk): " + Text.percent(PAPER_AVERAGE), Look.DASHED));

        Caption caption = new Caption("Macrobenchmarks, vanilla vs " + isolated,
                "Top: run time in seconds of each benchmark on the vanilla build (`none`, white circles) and the isolated build (`"
                        + run.backend() + "`, black squares)" + (log ? ", log scale" : "") + ": the geometric means of the ABBA pairs,"
                        + " drawn without intervals (the pairs' spread is in the slowdown's interval below). Bottom: slowdown of"
                        + " isolated over vanilla in percent (grey diamonds), exp of the mean paired log ratio minus one, with its 95%"
                        + " confidence interval (Student t on the log ratios, so not symmetric)"
                        + run.suite().map(x -> ", and at the right the suite's slowdown (black diamond), the geometric mean over the "
                        + Text.count(x.benchmarks(), "verified benchmark") + " with its bootstrap 95% interval: "
                        + Text.percent(x.slowdown(), x.ciLow(), x.ciHigh()) + ", " + (x.equivalent() ? "equivalent" : "not shown equivalent")
                        + " within ±" + Text.share(x.margin()).replace(".0%", "%")).orElse("; the run has no suite slowdown (no JSON beside the CSV, or one that predates it)")
                        + "; the dashed line is the paper's average slowdown, " + Text.percent(PAPER_AVERAGE)
                        + " (VEE'20, mpk on Intel hardware). " + verdicts(rows) + notVerified(run),
                List.of(new Caption.Source(run.origin(), run.backend() + " vs none")));
        Canvas canvas = new Canvas(Look.WIDTH, List.of(times, slow), legend, caption.footer());
        return new Drawing("macrobenchmarks-" + run.backend(), canvas, caption);
    }

    /** The benchmarks per TOST verdict, as the file gives it. */
    private static String verdicts(List<OverheadResults.Row> rows) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (OverheadResults.Row r : rows) {
            if (!r.verdict().isEmpty()) {
                by.computeIfAbsent(r.verdict().toLowerCase(Locale.ROOT), v -> new ArrayList<>()).add(r.benchmark());
            }
        }
        if (by.isEmpty()) {
            return "The file predates the equivalence verdicts.";
        }
        List<String> parts = by.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList();
        return "Verdicts of the file (equivalence by TOST with the 90% interval): " + String.join("; ", parts) + ".";
    }

    private static String notVerified(OverheadResults.Run run) {
        List<String> failed = run.rows().stream().filter(r -> !r.verified()).map(OverheadResults.Row::benchmark).toList();
        return failed.isEmpty() ? "" : " Not verified, so not shown: " + String.join(", ", failed) + ".";
    }
}
