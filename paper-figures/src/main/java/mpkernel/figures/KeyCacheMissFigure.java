package mpkernel.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mpkernel.results.BadResultFile;
import mpkernel.results.JmhResult;
import org.knowm.xchart.XYChart;

/**
 * What a key-cache hit and a miss cost against the bytes of a virtual domain's region
 * ({@code KeyCacheBench}): top, a round trip into a domain that holds its key; bottom, one that
 * has to load it, evicting another, which re-tags two regions, each as many page-table entries
 * as it has pages. One series per backend, each point with JMH's error; both panels share
 * their log y axis, so that a miss reads against a hit.
 */
final class KeyCacheMissFigure implements Figure {

    private static final int PANEL_HEIGHT = 380;
    private static final String SIZE_AXIS = "bytes of each domain's region (log scale)";

    @Override
    public String subject() {
        return "key cache misses";
    }

    @Override
    public String command() {
        return BenchMapping.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        BenchResults.Run run = BenchResults.newestWith(results, BenchMapping::isKeyCache).orElseThrow(() -> new MissingResults(
                subject(), "no " + results.name() + "/bench-*.json with KeyCacheBench.hit or KeyCacheBench.miss scores", command()));
        List<JmhResult> scores = run.select(BenchMapping::isKeyCache);
        Map<String, Map<Long, JmhResult>> hits = KeyCacheFigure.byBackend(scores.stream().filter(BenchMapping::isHit).toList(),
                s -> BenchMapping.size(s).getAsLong());
        Map<String, Map<Long, JmhResult>> misses = KeyCacheFigure.byBackend(scores.stream().filter(s -> !BenchMapping.isHit(s)).toList(),
                s -> BenchMapping.size(s).getAsLong());
        List<Double> sizes = new ArrayList<>();
        List<Double> range = new ArrayList<>();
        for (JmhResult s : scores) {
            sizes.add((double) BenchMapping.size(s).getAsLong());
            range.addAll(List.of(s.score(), s.score() + s.error(), s.score() - s.error()));
        }

        List<String> backends = scores.stream().map(BenchMapping::backend).distinct().sorted(Backends.ORDERING).toList();
        XYChart hit = panel("Hit: the domain holds its key", hits, backends, sizes, range);
        XYChart miss = panel("Miss: its key is loaded, another domain's evicted", misses, backends, sizes, range);
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        for (int k = 0; k < backends.size(); k++) {
            legend.add(Canvas.LegendEntry.interval(backends.get(k) + ", ± JMH's 99.9% error", Backends.mark(backends.get(k), k)));
        }

        String missesHere = misses.isEmpty() ? "no miss is in the file" : "miss " + KeyCacheFigure.here(misses, "byte", Text::bytes);
        String hitsHere = hits.isEmpty() ? "no hit is in the file" : "hit " + KeyCacheFigure.here(hits, "byte", Text::bytes);
        Caption caption = new Caption("Key cache: hit and miss against region size",
                "Time in nanoseconds (log scale) of one round trip (enter and leave, empty body) into a virtual domain against the"
                        + " bytes of each domain's region (log scale), every page of it touched, `KeyCacheBench`: top, a hit (`hit`,"
                        + " the domain holds its key); bottom, a miss (`miss`: the benchmark goes round " + (BenchMapping.CACHE_KEYS + 1)
                        + " domains, one more than the key cache's " + BenchMapping.CACHE_KEYS + " keys, so that every switch evicts"
                        + " the least recently used domain: two re-tags of a region, the epoch move, the `membarrier` and the look at"
                        + " the threads). One series per backend, each point JMH's score with JMH's 99.9% error as its interval (an"
                        + " arrowhead where it reaches beyond the axis); both panels share their y axis. Under `mpk-dry` a re-tag is an"
                        + " `mprotect` of the region, the same page-table walk as `pkey_mprotect`; `mprotect` has no key cache, and both"
                        + " its hit and its miss are its ordinary crossing, which re-protects the region; `none` (no isolation) is the"
                        + " floor. The switch cost against the number of domains in use is the key-cache figure; its shape follows"
                        + " hit + (1 - keys/domains) × (miss - hit) from these at one page, as in " + KeyCacheFigure.LIBMPK + ". Here: "
                        + hitsHere + "; " + missesHere + ".",
                List.of(new Caption.Source(run.origin(), String.join(", ", backends))));
        Canvas canvas = new Canvas(Look.WIDTH, List.of(hit, miss), legend, caption.footer());
        return List.of(new Drawing("key-cache-miss", canvas, caption));
    }

    private static XYChart panel(String title, Map<String, Map<Long, JmhResult>> series, List<String> backends, List<Double> sizes,
            List<Double> range) {
        XYChart chart = Look.chart(PANEL_HEIGHT, title, SIZE_AXIS, "time per round trip (ns, log scale)");
        Look.logY(chart, range);
        Look.logX(chart, sizes);
        Look.numericX(chart);
        PointLayer layer = Look.layer(chart, 0);
        for (Map.Entry<String, Map<Long, JmhResult>> e : series.entrySet()) {
            Mark mark = Backends.mark(e.getKey(), backends.indexOf(e.getKey()));
            KeyCacheFigure.trace(layer, e.getValue(), false);
            e.getValue().forEach((b, s) -> layer.value(b, s.score(), s.score() - s.error(), s.score() + s.error(), mark, 0, null));
        }
        return chart;
    }
}
