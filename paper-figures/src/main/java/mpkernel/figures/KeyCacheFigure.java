package mpkernel.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import mpkernel.results.BadResultFile;
import mpkernel.results.JmhResult;
import org.knowm.xchart.XYChart;

/**
 * The cost of a domain switch against the number of virtual domains in use, the figure libmpk
 * draws for its key virtualization (Park et al., USENIX ATC'19): a round trip into one of
 * {@code domains} virtual domains chosen at random ({@code ActiveDomainsBench}), one series per
 * backend, each point with JMH's error, on a log y and a base-2 log x axis, and a line where the
 * domains in use exceed the key cache's keys: up to there every switch hits, beyond it a switch
 * misses with probability {@code 1 - keys/domains}. {@code mprotect} has no cache and stays
 * flat; {@code none} is the floor. What a hit and a miss cost by region size is
 * {@link KeyCacheMissFigure}.
 */
final class KeyCacheFigure implements Figure {

    /** libmpk, whose figure this one follows. */
    static final String LIBMPK = "libmpk (Park et al., \"libmpk: Software Abstraction for Intel Memory Protection Keys (Intel MPK)\","
            + " USENIX ATC'19)";

    private static final int HEIGHT = 540;

    @Override
    public String subject() {
        return "key cache";
    }

    @Override
    public String command() {
        return BenchMapping.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        BenchResults.Run run = BenchResults.newestWith(results, BenchMapping::isActiveDomains).orElseThrow(() -> new MissingResults(
                subject(), "no " + results.name() + "/bench-*.json with ActiveDomainsBench.roundTrip scores (switch cost against"
                        + " virtual domains in use)", command()));
        Map<String, Map<Long, JmhResult>> byBackend = byBackend(run.select(BenchMapping::isActiveDomains),
                s -> BenchMapping.domains(s).getAsInt());
        List<Double> counts = new ArrayList<>();
        List<Double> range = new ArrayList<>();
        byBackend.values().forEach(m -> m.forEach((n, s) -> {
            counts.add(n.doubleValue());
            range.addAll(List.of(s.score(), s.score() + s.error(), s.score() - s.error()));
        }));

        XYChart chart = Look.chart(HEIGHT, "Domain switch against virtual domains in use", "virtual domains in use (log2 scale)",
                "time per round trip (ns, log scale)");
        Look.logY(chart, range);
        Look.log2X(chart, counts);
        PointLayer layer = Look.layer(chart, 0);
        layer.guide(true, Look.log2(BenchMapping.CACHE_KEYS), Look.DOTTED, BenchMapping.CACHE_KEYS + " cache keys");
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, Map<Long, JmhResult>> e : byBackend.entrySet()) {
            Mark mark = Backends.mark(e.getKey(), k++);
            trace(layer, e.getValue(), true);
            e.getValue().forEach((n, s) -> layer.value(Look.log2(n), s.score(), s.score() - s.error(), s.score() + s.error(), mark, 0, null));
            legend.add(Canvas.LegendEntry.interval(e.getKey() + ", ± JMH's 99.9% error", mark));
        }
        legend.add(Canvas.LegendEntry.line(BenchMapping.CACHE_KEYS + " cache keys: beyond, switches miss", Look.DOTTED));

        List<String> backends = List.copyOf(byBackend.keySet());
        Caption caption = new Caption("Domain switch against virtual domains in use",
                "Time in nanoseconds (log scale) of one round trip (enter and leave, empty body) into one of so many virtual domains"
                        + " of one page each, chosen at random, against the number of virtual domains in use (base-2 log scale),"
                        + " `ActiveDomainsBench.roundTrip`: one series per backend, each point JMH's score with JMH's 99.9% error as its"
                        + " interval (an arrowhead where it reaches beyond the axis). The virtual domains share the key cache's "
                        + BenchMapping.CACHE_KEYS + " keys (dotted line): up to " + BenchMapping.CACHE_KEYS + " domains in use every"
                        + " switch finds its domain's key (a hit); beyond, a switch misses with probability 1 - "
                        + BenchMapping.CACHE_KEYS + "/domains and re-tags two regions, so the cost climbs towards a miss's (the"
                        + " key-cache-miss figure). `mpk-dry` runs the key cache with nominal keys and parks a domain by making its"
                        + " pages inaccessible (the same page-table walk as a re-tag); `mprotect` has no keys and no cache and"
                        + " re-protects on every switch, whatever the count; `none` (no isolation) is the floor. After the figure of "
                        + LIBMPK + ". Here: " + here(byBackend, "domain", KeyCacheFigure::domainsAt) + ".",
                List.of(new Caption.Source(run.origin(), String.join(", ", backends))));
        return List.of(new Drawing("key-cache", Canvas.of(chart, legend, caption.footer()), caption));
    }

    /** The scores of {@code scores} by backend (in {@link Backends#ORDERING}), then by {@code x}, ascending. */
    static Map<String, Map<Long, JmhResult>> byBackend(List<JmhResult> scores, ToLongFunction<JmhResult> x) {
        Map<String, Map<Long, JmhResult>> by = new TreeMap<>(Backends.ORDERING);
        for (JmhResult s : scores) {
            by.computeIfAbsent(BenchMapping.backend(s), b -> new TreeMap<>()).put(x.applyAsLong(s), s);
        }
        return by;
    }

    /** A thin line through one series, at the base-2 logarithm of its x values when {@code log2}. */
    static void trace(PointLayer layer, Map<Long, JmhResult> series, boolean log2) {
        double[] xs = series.keySet().stream().mapToDouble(n -> log2 ? Look.log2(n) : n).toArray();
        double[] ys = series.values().stream().mapToDouble(JmhResult::score).toArray();
        layer.trace(xs, ys, Look.THIN, 0);
    }

    /**
     * Per backend its score at the smallest and the largest x, and at the cache's keys and one
     * more where measured, e.g. {@code `mpk-dry` 15.0 ns at 1 domain, ... at 256 domains}.
     */
    static String here(Map<String, Map<Long, JmhResult>> byBackend, String noun, java.util.function.LongFunction<String> at) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Map<Long, JmhResult>> e : byBackend.entrySet()) {
            List<Long> xs = List.copyOf(e.getValue().keySet());
            List<String> values = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                long x = xs.get(i);
                boolean knee = noun.equals("domain") && (x == BenchMapping.CACHE_KEYS || x == BenchMapping.CACHE_KEYS + 1);
                if (i == 0 || i == xs.size() - 1 || knee) {
                    values.add(value(e.getValue().get(x)) + " at " + at.apply(x));
                }
            }
            parts.add("`" + e.getKey() + "` " + String.join(", ", values));
        }
        return String.join("; ", parts);
    }

    /** A score with its error: {@code 15.0 ± 0.2 ns}, or without one when JMH gave none. */
    static String value(JmhResult s) {
        return Double.isNaN(s.error()) ? Text.nanos(s.score()) + " (no error: too few iterations)"
                : Text.nanos(s.score()).replace(" ns", "") + " ± " + Text.nanos(s.error());
    }

    private static String domainsAt(long n) {
        return Text.count(n, "domain");
    }
}
