package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The paper's {@code write_bytes} microbenchmark figure, one per isolated backend: time per call
 * on the vanilla and the isolated build over sizes from 1 B (the paper stops at 4 KB, the sweep
 * may go on), grouped bars; below, the slowdown of isolated over vanilla as a line, with the
 * paper's two quoted values as reference marks.
 */
final class WriteBytesFigure implements Figure {

    /** The paper's slowdowns quoted in its text (VEE'20, mpk on Intel hardware): size in bytes → fraction. */
    static final Map<Long, Double> PAPER = Map.of(1L, 4.40, 4096L, 0.06);
    private static final String PAPER_LABEL = "paper, VEE'20 (mpk): ~440% at 1 B, 6% at 4 KB";

    private static final int TIMES_HEIGHT = 400;
    private static final int SLOWDOWN_HEIGHT = 300;
    private static final String SIZE_AXIS = "bytes written per call (K = 1024 B, M = 1024 KB)";

    @Override
    public String subject() {
        return "write_bytes";
    }

    @Override
    public String command() {
        return BenchMapping.COMMAND;
    }

    @Override
    public List<Drawing> draw(Path results) throws IOException, MissingResults {
        BenchResults.Run run = BenchResults.newestWith(results, BenchMapping::isWriteBytes).orElseThrow(() -> new MissingResults(
                subject(), "no " + results.getFileName() + "/bench-*.json with write_bytes scores", command()));
        Map<String, Map<Long, JmhScore>> byBackend = new TreeMap<>(Backends.ORDERING);
        for (JmhScore s : run.select(BenchMapping::isWriteBytes)) {
            byBackend.computeIfAbsent(BenchMapping.backend(s), b -> new TreeMap<>()).put(BenchMapping.size(s).getAsLong(), s);
        }
        Map<Long, JmhScore> vanilla = byBackend.remove(Backends.VANILLA);
        if (vanilla == null || byBackend.isEmpty()) {
            throw new MissingResults(subject(), run.file().getFileName() + " lacks write_bytes on "
                    + (vanilla == null ? "the vanilla build (backend none)" : "an isolated backend"), command());
        }
        List<Drawing> drawings = new ArrayList<>();
        for (Map.Entry<String, Map<Long, JmhScore>> e : byBackend.entrySet()) {
            List<Long> sizes = e.getValue().keySet().stream().filter(vanilla::containsKey).toList();
            if (!sizes.isEmpty()) {
                drawings.add(drawing(run, e.getKey(), sizes, vanilla, e.getValue()));
            }
        }
        if (drawings.isEmpty()) {
            throw new MissingResults(subject(), run.file().getFileName() + " has no size measured on both builds", command());
        }
        return drawings;
    }

    private Drawing drawing(BenchResults.Run run, String backend, List<Long> sizes, Map<Long, JmhScore> vanilla, Map<Long, JmhScore> isolated) {
        String iso = "isolated (" + backend + ")";
        List<String> labels = sizes.stream().map(Text::bytesShort).toList();
        List<Double> v = sizes.stream().map(s -> vanilla.get(s).ns()).toList();
        List<Double> i = sizes.stream().map(s -> isolated.get(s).ns()).toList();
        List<Double> all = new ArrayList<>(v);
        all.addAll(i);
        boolean log = Text.needsLogAxis(all);
        CategoryChart times = Look.bars(TIMES_HEIGHT, "write_bytes through the gate: vanilla (none) vs " + iso, SIZE_AXIS,
                log ? "time per call (ns, log scale)" : "time per call (ns)");
        if (log) {
            Look.logAxis(times, all);
            Look.fill(times.addSeries("vanilla", labels, v), Fill.LIGHT);
            Look.fill(times.addSeries("isolated", labels, i), Fill.DARK_DIAGONAL);
        } else {
            Look.fill(times.addSeries("vanilla", labels, v, errors(sizes, vanilla)), Fill.LIGHT);
            Look.fill(times.addSeries("isolated", labels, i, errors(sizes, isolated)), Fill.DARK_DIAGONAL);
        }

        List<Double> slowdown = new ArrayList<>();
        for (long s : sizes) {
            slowdown.add(100 * (isolated.get(s).ns() / vanilla.get(s).ns() - 1));
        }
        List<Double> paper = sizes.stream().map(s -> PAPER.containsKey(s) ? 100 * PAPER.get(s) : Double.NaN).toList();
        boolean marks = paper.stream().anyMatch(p -> !p.isNaN());
        boolean slowLog = Text.needsLogAxis(slowdown);
        CategoryChart slow = Look.bars(SLOWDOWN_HEIGHT, "Slowdown of " + iso + " over vanilla", SIZE_AXIS,
                slowLog ? "slowdown (%, log scale)" : "slowdown (%)");
        if (slowLog) {
            List<Double> range = new ArrayList<>(slowdown);
            range.addAll(paper);
            Look.logAxis(slow, range);
        }
        slow.getStyler().setOverlapped(true);
        Look.line(slow.addSeries("slowdown", labels, slowdown), SeriesMarkers.CIRCLE, Look.SOLID);
        List<Canvas.LegendEntry> legend = new ArrayList<>(List.of(
                Canvas.LegendEntry.bar("vanilla (none)", Fill.LIGHT),
                Canvas.LegendEntry.bar(iso, Fill.DARK_DIAGONAL),
                Canvas.LegendEntry.line("slowdown, this run", Look.SOLID, SeriesMarkers.CIRCLE)));
        if (marks) {
            CategorySeries p = slow.addSeries("paper", labels, paper);
            Look.line(p, SeriesMarkers.DIAMOND, Look.SOLID);
            p.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            legend.add(Canvas.LegendEntry.line(PAPER_LABEL, null, SeriesMarkers.DIAMOND));
        }

        Caption caption = new Caption("write_bytes, vanilla vs " + iso + ", " + Text.bytes(sizes.getFirst()) + " to "
                + Text.bytes(sizes.getLast()),
                "Top: time per call in nanoseconds of the unsafe kernel's `write_bytes` (a memset to a raw address) called through"
                        + " the gate into UNSAFE_KERNEL, per size, on the vanilla build (`none`, light bars) and the isolated build (`"
                        + backend + "`, dark hatched bars)" + (log ? ", log scale; JMH's 99.9% errors, at most "
                        + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * maxRelativeError(sizes, vanilla, isolated))
                        + " of a score, are too small to draw there" : "; error bars are JMH's 99.9% errors") + "."
                        + " Bottom: slowdown of isolated over vanilla in percent (circles)" + (slowLog ? ", log scale" : "")
                        + (marks ? "; diamonds mark" : "; compare") + " the paper's values, ~440% at 1 B falling to 6% at 4 KB"
                        + " (VEE'20, mpk on Intel hardware). Here: " + here(sizes, slowdown) + ".",
                List.of(new Caption.Source(run.file(), run.provenance(), backend + " vs none")));
        Canvas canvas = new Canvas(Look.WIDTH, List.of(times, slow),
                legend, caption.footer());
        return new Drawing("write-bytes-" + backend, canvas, caption);
    }

    /** The slowdown at the first size, at 4 KB when measured, and at the last size. */
    private static String here(List<Long> sizes, List<Double> slowdown) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            if (k == 0 || k == sizes.size() - 1 || sizes.get(k) == 4096L) {
                parts.add(Text.percent(slowdown.get(k) / 100) + " at " + Text.bytes(sizes.get(k)));
            }
        }
        return String.join(", ", parts);
    }

    /** JMH's errors, 0 where unknown. */
    private static List<Double> errors(List<Long> sizes, Map<Long, JmhScore> scores) {
        return sizes.stream().map(s -> Double.isNaN(scores.get(s).errorNs()) ? 0.0 : scores.get(s).errorNs()).toList();
    }

    private static double maxRelativeError(List<Long> sizes, Map<Long, JmhScore> vanilla, Map<Long, JmhScore> isolated) {
        return sizes.stream().flatMap(s -> java.util.stream.Stream.of(vanilla.get(s), isolated.get(s)))
                .filter(x -> !Double.isNaN(x.errorNs())).mapToDouble(x -> x.errorNs() / x.ns()).max().orElse(0);
    }
}
