package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.CategoryChart;

/**
 * The paper's macrobenchmark figure, one per isolated backend: mean run time of each benchmark
 * on the vanilla and the isolated build, grouped bars; below, the slowdown of isolated over
 * vanilla with its 95% confidence interval, and the paper's 0.6% average as a reference line.
 */
final class MacroFigure implements Figure {

    /** The paper's average slowdown over its ten macrobenchmarks, mpk on Intel hardware (VEE'20, section 6). */
    static final double PAPER_AVERAGE = 0.006;

    private static final int TIMES_HEIGHT = 400;
    private static final int SLOWDOWN_HEIGHT = 300;

    @Override
    public String subject() {
        return "macrobenchmarks";
    }

    @Override
    public String command() {
        return OverheadResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(Path results) throws IOException, MissingResults {
        List<Drawing> drawings = new ArrayList<>();
        for (OverheadResults.Run run : OverheadResults.newestPerBackend(results).values()) {
            if (!run.verified().isEmpty()) {
                drawings.add(drawing(run));
            }
        }
        if (drawings.isEmpty()) {
            throw new MissingResults(subject(), "no complete " + results.getFileName() + "/overhead-*.csv with a verified benchmark",
                    command());
        }
        return drawings;
    }

    private Drawing drawing(OverheadResults.Run run) {
        String isolated = "isolated (" + run.backend() + ")";
        List<OverheadResults.Row> rows = run.verified();
        List<String> names = rows.stream().map(OverheadResults.Row::benchmark).toList();

        List<Double> vanilla = rows.stream().map(OverheadResults.Row::vanillaSeconds).toList();
        List<Double> isolatedTimes = rows.stream().map(OverheadResults.Row::isolatedSeconds).toList();
        List<Double> all = new ArrayList<>(vanilla);
        all.addAll(isolatedTimes);
        boolean log = Text.needsLogAxis(all);
        CategoryChart times = Look.bars(TIMES_HEIGHT, "Macrobenchmarks: vanilla (none) vs " + isolated, "benchmark",
                log ? "run time (s, log scale)" : "run time (s)");
        if (log) {
            Look.logAxis(times, all);
        }
        Look.tiltLabels(times);
        Look.fill(times.addSeries("vanilla", names, vanilla), Fill.LIGHT);
        Look.fill(times.addSeries("isolated", names, isolatedTimes), Fill.DARK_DIAGONAL);

        List<Double> slowdown = rows.stream().map(r -> 100 * r.slowdown()).toList();
        // Student's t interval around the mean ratio: symmetric, so an error bar of half its width.
        List<Double> halfWidth = rows.stream().map(r -> Double.isNaN(r.ciLow()) ? 0 : 50 * (r.ciHigh() - r.ciLow())).toList();
        CategoryChart slow = Look.bars(SLOWDOWN_HEIGHT, "Slowdown of " + isolated + " over vanilla", "benchmark", "slowdown (%)");
        Look.tiltLabels(slow);
        Look.fill(slow.addSeries("slowdown", names, slowdown, halfWidth), Fill.GREY_DIAGONAL);
        Look.referenceLine(slow, 100 * PAPER_AVERAGE);
        // Room for the whole intervals and the reference line, which XChart's own range would put on the frame.
        double hi = 100 * PAPER_AVERAGE;
        double lo = 0;
        for (int k = 0; k < slowdown.size(); k++) {
            hi = Math.max(hi, slowdown.get(k) + halfWidth.get(k));
            lo = Math.min(lo, slowdown.get(k) - halfWidth.get(k));
        }
        slow.getStyler().setYAxisMax(hi + 0.08 * (hi - lo));
        slow.getStyler().setYAxisMin(lo - 0.08 * (hi - lo));

        List<Canvas.LegendEntry> legend = List.of(
                Canvas.LegendEntry.bar("vanilla (none)", Fill.LIGHT),
                Canvas.LegendEntry.bar(isolated, Fill.DARK_DIAGONAL),
                Canvas.LegendEntry.bar("slowdown with 95% CI (mean " + Text.percent(run.meanSlowdown()) + ")", Fill.GREY_DIAGONAL),
                Canvas.LegendEntry.line("paper's average, VEE'20 (mpk): " + Text.percent(PAPER_AVERAGE), Look.DASHED, null));
        Caption caption = new Caption("Macrobenchmarks, vanilla vs " + isolated,
                "Top: mean run time in seconds of each benchmark on the vanilla build (`none`, light bars) and the isolated build (`"
                        + run.backend() + "`, dark hatched bars)" + (log ? ", log scale" : "") + ". Bottom: slowdown of isolated over"
                        + " vanilla in percent, the mean of the paired fork ratios, with its 95% confidence interval (Student t) as error"
                        + " bars; the dashed line is the paper's average slowdown, " + Text.percent(PAPER_AVERAGE)
                        + " (VEE'20, mpk on Intel hardware). Mean slowdown here: " + Text.percent(run.meanSlowdown()) + " over "
                        + rows.size() + " verified benchmark" + (rows.size() == 1 ? "" : "s") + notVerified(run) + ".",
                List.of(new Caption.Source(run.file(), run.provenance(), run.backend() + " vs none")));
        Canvas canvas = new Canvas(Look.WIDTH, List.of(times, slow),
                legend, caption.footer());
        return new Drawing("macrobenchmarks-" + run.backend(), canvas, caption);
    }

    private static String notVerified(OverheadResults.Run run) {
        List<String> failed = run.rows().stream().filter(r -> !r.verified()).map(OverheadResults.Row::benchmark).toList();
        return failed.isEmpty() ? "" : " (not verified, so not shown: " + String.join(", ", failed) + ")";
    }
}
