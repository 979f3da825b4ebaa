package mpkernel.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import mpkernel.results.BadResultFile;
import org.knowm.xchart.XYChart;

/**
 * The slowdown of the isolated build against the rate of gate crossings, from
 * {@code ./mpk sweep}: a program that does fixed work and crosses the gate every so many units
 * of it, one series per backend, each step with its 95% interval, on log-log axes. Reference
 * lines: the paper's 0.6% average and 1% across, ERIM's 100,000 switches per second up, and
 * ticks at the crossing rates the macrobenchmarks themselves have (from the newest overhead
 * run), so that a reader sees which slowdown a benchmark's rate predicts.
 *
 * <p>A log axis cannot place a slowdown of zero or less. Such a step is not dropped: it is drawn
 * as an upper bound (a downward triangle at the upper end of its interval, with an arrow down)
 * when that end is positive, else on the axis floor; an interval reaching below the floor ends
 * in an arrowhead. The caption counts each.
 */
final class SweepFigure implements Figure {

    /** The paper's average slowdown (VEE'20), a fraction. */
    static final double PAPER_AVERAGE = MacroFigure.PAPER_AVERAGE;
    /** One percent, a fraction: the slowdown below which isolation is commonly called cheap. */
    static final double ONE_PERCENT = 0.01;
    /** ERIM's reference rate of domain switches per second (Vahldiek-Oberwagner et al., USENIX Security'19). */
    static final double ERIM_SWITCHES_PER_S = 100_000;

    private static final String ERIM = "ERIM (Vahldiek-Oberwagner et al., \"ERIM: Secure, Efficient In-process Isolation with"
            + " Protection Keys (MPK)\", USENIX Security'19)";
    private static final List<Mark.Tone> TONES = List.of(Mark.Tone.WHITE, Mark.Tone.BLACK, Mark.Tone.GREY);
    private static final int HEIGHT = 560;

    /**
     * What one backend's series puts on the plot, in percent.
     *
     * @param backend the backend
     * @param tone its marks' inside
     * @param points its steps as drawn, in file order
     * @param unverified steps not drawn because a build's output was wrong
     */
    record Series(String backend, Mark.Tone tone, List<PointLayer.Point> points, int unverified) {

        long count(PointLayer.Kind kind) {
            return points.stream().filter(p -> p.kind() == kind).count();
        }

        /** Values whose interval reaches below the axis floor {@code floor} (percent). */
        long belowFloor(double floor) {
            return points.stream().filter(p -> p.kind() == PointLayer.Kind.VALUE && !Double.isNaN(p.low()) && p.low() < floor).count();
        }
    }

    @Override
    public String subject() {
        return "sweep";
    }

    @Override
    public String command() {
        return SweepResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        SweepResults.Run run = SweepResults.newest(results).orElseThrow(() -> new MissingResults(subject(),
                "no complete " + results.name() + "/sweep-*.json", command()));
        List<Series> series = series(run);
        if (series.stream().allMatch(s -> s.points().isEmpty())) {
            throw new MissingResults(subject(), run.origin().shown() + " has no verified step", command());
        }
        Optional<OverheadResults.Run> macro = OverheadResults.newest(results);
        List<OverheadResults.Row> rates = macro.map(m -> m.verified().stream().filter(r -> r.crossingsPerSecond() > 0).toList())
                .orElse(List.of());

        List<Double> xs = new ArrayList<>(List.of(ERIM_SWITCHES_PER_S));
        List<Double> ys = new ArrayList<>(List.of(100 * PAPER_AVERAGE, 100 * ONE_PERCENT));
        for (Series s : series) {
            for (PointLayer.Point p : s.points()) {
                xs.add(p.x());
                ys.addAll(List.of(p.y(), p.low(), p.high())); // the axis ignores NaN and non-positive values
            }
        }
        rates.forEach(r -> xs.add(r.crossingsPerSecond()));
        XYChart chart = Look.chart(HEIGHT, "Slowdown against gate crossings per second, with 95% CI",
                "gate crossings per second (1/s, log scale)", "slowdown (%, log scale)");
        Look.logX(chart, xs);
        Look.logY(chart, ys);
        Look.numericX(chart);
        PointLayer layer = Look.layer(chart, 0);
        layer.guide(false, 100 * PAPER_AVERAGE, Look.DASHED, "paper's average " + Text.share(PAPER_AVERAGE));
        layer.guide(false, 100 * ONE_PERCENT, Look.DOTTED, "1%");
        layer.guide(true, ERIM_SWITCHES_PER_S, Look.DASH_DOT, "ERIM: 100,000/s");
        rates.forEach(r -> layer.rug(r.crossingsPerSecond()));
        for (int k = 0; k < series.size(); k++) {
            double slot = k - (series.size() - 1) / 2.0;
            for (PointLayer.Point p : series.get(k).points()) {
                switch (p.kind()) {
                    case VALUE -> layer.value(p.x(), p.y(), p.low(), p.high(), p.mark(), slot, null);
                    case UPPER_BOUND -> layer.upperBound(p.x(), p.y(), p.mark(), slot);
                    case ON_FLOOR -> layer.onFloor(p.x(), p.mark(), slot);
                }
            }
        }
        double floor = chart.getStyler().getYAxisMin();

        List<Canvas.LegendEntry> legend = new ArrayList<>();
        series.forEach(s -> legend.add(Canvas.LegendEntry.interval(s.backend(), new Mark(Mark.Form.CIRCLE, s.tone()))));
        long bounds = series.stream().mapToLong(s -> s.count(PointLayer.Kind.UPPER_BOUND)).sum();
        long floored = series.stream().mapToLong(s -> s.count(PointLayer.Kind.ON_FLOOR)).sum();
        long below = series.stream().mapToLong(s -> s.belowFloor(floor)).sum();
        if (bounds > 0) {
            legend.add(Canvas.LegendEntry.upperBound("slowdown ≤ 0: upper end of its CI", new Mark(Mark.Form.TRIANGLE_DOWN, Mark.Tone.WHITE)));
        }
        if (floored > 0) {
            legend.add(Canvas.LegendEntry.point("slowdown ≤ 0, no positive CI end: on the floor", new Mark(Mark.Form.SQUARE, Mark.Tone.WHITE)));
        }
        legend.add(Canvas.LegendEntry.line("paper's average, VEE'20: " + Text.share(PAPER_AVERAGE), Look.DASHED));
        legend.add(Canvas.LegendEntry.line("1%", Look.DOTTED));
        legend.add(Canvas.LegendEntry.line("ERIM, 100,000 switches/s", Look.DASH_DOT));
        if (!rates.isEmpty()) {
            legend.add(Canvas.LegendEntry.rug("macrobenchmarks' own crossing rates"));
        }

        List<Caption.Source> sources = new ArrayList<>();
        sources.add(new Caption.Source(run.origin(), String.join(", ", series.stream().map(Series::backend).toList()) + " vs none"));
        macro.filter(m -> !rates.isEmpty()).ifPresent(m -> sources.add(new Caption.Source(m.origin(), m.backend() + " (its crossing rates)")));
        int drawn = series.stream().mapToInt(s -> s.points().size()).sum();
        int unverified = series.stream().mapToInt(Series::unverified).sum();
        Caption caption = new Caption("Slowdown against the rate of gate crossings",
                "Slowdown of the isolated build over vanilla in percent (log scale) against gate crossings per second of the isolated"
                        + " build (log scale), from `" + run.origin().shown() + "`: the sweep program does fixed work and crosses the gate"
                        + " every so many units of it; one series per backend (circles, white, black, grey in turn, side by side at"
                        + " equal rates), each step with its 95% interval (Student t on the paired log ratios). "
                        + shownAs(drawn, bounds, floored, below, floor)
                        + (unverified > 0 ? " " + Text.count(unverified, "step") + " whose output was wrong on a build " + (unverified == 1
                        ? "is" : "are") + " not drawn." : "")
                        + " Lines across: the paper's average slowdown, " + Text.share(PAPER_AVERAGE) + " (VEE'20, mpk on Intel hardware),"
                        + " dashed, and 1%, dotted. Vertical line: 100,000 switches per second, the rate " + ERIM + " uses as its yardstick. "
                        + (rates.isEmpty() ? "No complete overhead run (`./mpk reproduce`) is there to mark the macrobenchmarks' own"
                        + " crossing rates, so the figure has no such ticks. "
                        : "Ticks on the x axis: the crossing rates of the macrobenchmarks themselves, from `" + macro.get().origin().shown()
                        + "`: " + String.join(", ", rates.stream().map(r -> r.benchmark() + " " + rate(r.crossingsPerSecond())).toList())
                        + ". ")
                        + "Cost of one crossing, from the slope of the added time on the crossings: " + costs(run) + ".",
                sources);
        return List.of(new Drawing("sweep", Canvas.of(chart, legend, caption.footer()), caption));
    }

    /**
     * The series of {@code run} as drawn: per backend in file order, a verified step with a
     * positive slowdown as a value with its interval; one with a slowdown of zero or less as an
     * upper bound at its interval's upper end when that is positive, else on the floor.
     */
    static List<Series> series(SweepResults.Run run) {
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < run.series().size(); k++) {
            SweepResults.Series s = run.series().get(k);
            Mark.Tone tone = TONES.get(k % TONES.size());
            List<PointLayer.Point> points = new ArrayList<>();
            int unverified = 0;
            for (SweepResults.Step step : s.steps()) {
                if (!step.verified()) {
                    unverified++;
                    continue;
                }
                double x = step.crossingsPerSecond();
                if (step.slowdown() > 0) {
                    points.add(new PointLayer.Point(PointLayer.Kind.VALUE, x, 100 * step.slowdown(), 100 * step.ciLow(), 100 * step.ciHigh(),
                            new Mark(Mark.Form.CIRCLE, tone), 0, null));
                } else if (step.ciHigh() > 0) {
                    points.add(new PointLayer.Point(PointLayer.Kind.UPPER_BOUND, x, 100 * step.ciHigh(), Double.NaN, 100 * step.ciHigh(),
                            new Mark(Mark.Form.TRIANGLE_DOWN, tone), 0, null));
                } else {
                    points.add(new PointLayer.Point(PointLayer.Kind.ON_FLOOR, x, Double.NaN, Double.NaN, Double.NaN,
                            new Mark(Mark.Form.SQUARE, tone), 0, null));
                }
            }
            series.add(new Series(s.backend(), tone, points, unverified));
        }
        return series;
    }

    /** How many points were drawn other than as values, in words. */
    private static String shownAs(int drawn, long bounds, long floored, long below, double floor) {
        if (bounds + floored + below == 0) {
            return "All " + Text.count(drawn, "step") + " drawn had a positive slowdown and an interval within the axis.";
        }
        List<String> parts = new ArrayList<>();
        if (bounds > 0) {
            parts.add(Text.count(bounds, "step") + " with a slowdown of zero or less, which a log axis cannot place, "
                    + (bounds == 1 ? "is" : "are") + " drawn as an upper bound: a downward triangle at the upper end of its 95% interval,"
                    + " with an arrow down");
        }
        if (floored > 0) {
            parts.add(Text.count(floored, "step") + " with a slowdown of zero or less and no positive upper end (or no interval) "
                    + (floored == 1 ? "sits" : "sit") + " on the axis floor as a square");
        }
        if (below > 0) {
            parts.add(Text.count(below, "interval") + " of positive slowdowns " + (below == 1 ? "reaches" : "reach")
                    + " below the axis floor (" + String.format(Locale.ROOT, "%s%%", Text.trimmed(floor)) + ") and "
                    + (below == 1 ? "ends" : "end") + " in an arrowhead");
        }
        return "Of the " + Text.count(drawn, "step") + " drawn, " + String.join("; ", parts) + ".";
    }

    private static String costs(SweepResults.Run run) {
        List<String> parts = new ArrayList<>();
        for (SweepResults.Series s : run.series()) {
            SweepResults.Cost c = s.cost();
            parts.add("`" + s.backend() + "` " + String.format(Locale.ROOT, "%.1f ns [95%% CI %.1f, %.1f]", c.ns(), c.ciLowNs(), c.ciHighNs())
                    + (c.detected() ? "" : ", not distinguishable from zero") + " (the file's verdict: \"" + c.verdict() + "\")");
        }
        return String.join("; ", parts);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : "%.3g/s", perSecond);
    }
}
