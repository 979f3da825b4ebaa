package mpkernel.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import mpkernel.results.BadResultFile;
import mpkernel.results.JmhResult;
import mpkernel.results.WelchDifference;
import org.knowm.xchart.XYChart;

/**
 * The paper's {@code write_bytes} microbenchmark figure, one per isolated backend: time per call
 * on the vanilla and the isolated build over sizes from 1 B (the paper stops at 4 KB, the sweep
 * may go on), each with JMH's error; below, what the gate adds: the difference isolated minus
 * vanilla with its Welch 95% interval from the measured iterations, labelled with its share of
 * the vanilla time only where the interval excludes zero.
 */
final class WriteBytesFigure implements Figure {

    /** The paper's slowdowns quoted in its text (VEE'20, mpk on Intel hardware): size in bytes → fraction. */
    static final Map<Long, Double> PAPER = Map.of(1L, 4.40, 4096L, 0.06);

    static final Mark DIFFERENCE = new Mark(Mark.Form.DIAMOND, Mark.Tone.BLACK);

    private static final int TIMES_HEIGHT = 400;
    private static final int DIFFERENCE_HEIGHT = 320;
    private static final String SIZE_AXIS = "bytes written per call (log scale)";

    @Override
    public String subject() {
        return "write_bytes";
    }

    @Override
    public String command() {
        return BenchMapping.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        BenchResults.Run run = BenchResults.newestWith(results, BenchMapping::isWriteBytes).orElseThrow(() -> new MissingResults(
                subject(), "no " + results.name() + "/bench-*.json with write_bytes scores", command()));
        Map<String, Map<Long, JmhResult>> byBackend = new TreeMap<>(Backends.ORDERING);
        for (JmhResult s : run.select(BenchMapping::isWriteBytes)) {
            byBackend.computeIfAbsent(BenchMapping.backend(s), b -> new TreeMap<>()).put(BenchMapping.size(s).getAsLong(), s);
        }
        Map<Long, JmhResult> vanilla = byBackend.remove(Backends.VANILLA);
        if (vanilla == null || byBackend.isEmpty()) {
            throw new MissingResults(subject(), run.origin().shown() + " lacks write_bytes on "
                    + (vanilla == null ? "the vanilla build (backend none)" : "an isolated backend"), command());
        }
        List<Drawing> drawings = new ArrayList<>();
        for (Map.Entry<String, Map<Long, JmhResult>> e : byBackend.entrySet()) {
            List<Long> sizes = e.getValue().keySet().stream().filter(vanilla::containsKey).toList();
            if (!sizes.isEmpty()) {
                drawings.add(drawing(run, e.getKey(), sizes, vanilla, e.getValue()));
            }
        }
        if (drawings.isEmpty()) {
            throw new MissingResults(subject(), run.origin().shown() + " has no size measured on both builds", command());
        }
        return drawings;
    }

    /** The difference isolated minus vanilla at each size, from the iterations. */
    static List<WelchDifference> differences(List<Long> sizes, Map<Long, JmhResult> vanilla, Map<Long, JmhResult> isolated) {
        return sizes.stream().map(s -> WelchDifference.of(vanilla.get(s).samples(), isolated.get(s).samples())).toList();
    }

    private Drawing drawing(BenchResults.Run run, String backend, List<Long> sizes, Map<Long, JmhResult> vanilla, Map<Long, JmhResult> isolated) {
        String iso = "isolated (" + backend + ")";
        Mark isoMark = MacroFigure.ISOLATED;
        List<Double> xs = sizes.stream().map(Long::doubleValue).toList();

        XYChart times = Look.chart(TIMES_HEIGHT, "write_bytes through the gate: vanilla (none) vs " + iso, SIZE_AXIS,
                "time per call (ns, log scale)");
        List<Double> range = new ArrayList<>();
        for (long s : sizes) {
            for (JmhResult j : List.of(vanilla.get(s), isolated.get(s))) {
                range.addAll(List.of(j.score(), j.score() - j.error(), j.score() + j.error()));
            }
        }
        Look.logY(times, range);
        Look.logX(times, xs);
        Look.numericX(times);
        PointLayer t = Look.layer(times, 0);
        for (long s : sizes) {
            JmhResult v = vanilla.get(s);
            JmhResult i = isolated.get(s);
            t.value(s, v.score(), v.score() - v.error(), v.score() + v.error(), MacroFigure.VANILLA, -0.5, null);
            t.value(s, i.score(), i.score() - i.error(), i.score() + i.error(), isoMark, 0.5, null);
        }

        List<WelchDifference> diffs = differences(sizes, vanilla, isolated);
        XYChart diff = Look.chart(DIFFERENCE_HEIGHT, "What the gate adds: " + iso + " minus vanilla, with 95% CI", SIZE_AXIS,
                "difference per call (ns)");
        List<Double> dr = new ArrayList<>();
        diffs.forEach(d -> dr.addAll(List.of(d.difference(), d.low(), d.high())));
        Look.linearY(diff, dr);
        Look.headroom(diff, 0.35);
        Look.logX(diff, xs);
        Look.numericX(diff);
        PointLayer d = Look.layer(diff, 0).verticalLabels();
        d.guide(false, 0, Look.THIN, null);
        for (int k = 0; k < sizes.size(); k++) {
            WelchDifference w = diffs.get(k);
            d.value(sizes.get(k), w.difference(), w.low(), w.high(), DIFFERENCE, 0, w.resolved() ? Text.change(w.relative()) : null);
        }
        long withoutInterval = diffs.stream().filter(w -> Double.isNaN(w.low())).count();

        List<Canvas.LegendEntry> legend = List.of(
                Canvas.LegendEntry.interval("vanilla (none)", MacroFigure.VANILLA),
                Canvas.LegendEntry.interval(iso, isoMark),
                Canvas.LegendEntry.interval("difference, Welch 95% CI; % of vanilla where the CI excludes 0", DIFFERENCE));
        Caption caption = new Caption("write_bytes, vanilla vs " + iso + ", " + Text.bytes(sizes.getFirst()) + " to "
                + Text.bytes(sizes.getLast()),
                "Top: time per call in nanoseconds (log scale) of the unsafe kernel's `write_bytes` (a memset to a raw address) called"
                        + " through the gate into UNSAFE_KERNEL, per size in bytes (log scale), on the vanilla build (`none`, white circles)"
                        + " and the isolated build (`" + backend + "`, black squares), each with JMH's 99.9% error as its interval"
                        + " (side by side, not at different sizes). Bottom: the difference isolated minus vanilla in nanoseconds (diamonds)"
                        + " with its Welch 95% interval over the measured iterations of all forks (JMH's rawData); where the interval"
                        + " excludes zero, the label gives the difference as a share of the vanilla time, and"
                        + " elsewhere no effect is claimed (a factor, ×, where the share would exceed +999%)."
                        + (withoutInterval > 0 ? " " + Text.count(withoutInterval, "size") + " without two iterations per build in the"
                        + " file (JMH's rawData) have no interval and no label." : "")
                        + " The paper quotes ~440% at 1 B falling to 6% at 4 KB (VEE'20, mpk on Intel hardware). Here: "
                        + here(sizes, diffs) + ".",
                List.of(new Caption.Source(run.origin(), backend + " vs none")));
        Canvas canvas = new Canvas(Look.WIDTH, List.of(times, diff), legend, caption.footer());
        return new Drawing("write-bytes-" + backend, canvas, caption);
    }

    /** The difference at the first size, at the paper's sizes when measured, and at the last size. */
    private static String here(List<Long> sizes, List<WelchDifference> diffs) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            if (k == 0 || k == sizes.size() - 1 || PAPER.containsKey(sizes.get(k))) {
                WelchDifference w = diffs.get(k);
                String ci = Double.isNaN(w.low()) ? "no interval"
                        : String.format(Locale.ROOT, "95%% CI %.1f to %.1f ns", w.low(), w.high());
                parts.add(String.format(Locale.ROOT, "%+.1f ns (%s; %s) at %s", w.difference(), ci,
                        w.resolved() ? Text.percent(w.relative()) + " of vanilla" : "no effect claimed", Text.bytes(sizes.get(k))));
            }
        }
        return String.join(", ", parts);
    }
}
