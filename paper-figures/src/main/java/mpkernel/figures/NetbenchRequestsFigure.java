package mpkernel.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import mpkernel.results.BadResultFile;
import org.knowm.xchart.XYChart;

/**
 * Requests per second per backend from {@code ./mpk netbench}: {@code redis-benchmark} GET and
 * SET at pipelining 1 and 16 against {@code kv-server}, {@code wrk} on a 1 KiB and a 64 KiB file
 * against {@code http-server}; one category per test, the backends side by side in each, the
 * mean over the repetitions with its Student t 95% interval, log y axis.
 */
final class NetbenchRequestsFigure implements Figure {

    private static final int HEIGHT = 500;

    @Override
    public String subject() {
        return "netbench requests";
    }

    @Override
    public String command() {
        return NetbenchResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        NetbenchResults.Run run = NetbenchResults.newestFor(this, results);
        Map<String, Map<String, NetbenchResults.Point>> byTest = new LinkedHashMap<>();
        Map<String, Integer> backends = new TreeMap<>(Backends.ORDERING);
        for (NetbenchResults.Point p : run.requests()) {
            if (p.n() > 0) {
                byTest.computeIfAbsent(p.what(), t -> new LinkedHashMap<>()).put(p.backend(), p);
                backends.put(p.backend(), 0);
            }
        }
        if (byTest.isEmpty()) {
            throw new MissingResults(subject(), run.origin().shown() + " has no redis-benchmark or wrk results", command());
        }
        List<String> tests = List.copyOf(byTest.keySet());
        List<String> names = List.copyOf(backends.keySet());
        List<Double> ys = new ArrayList<>();
        byTest.values().forEach(m -> m.values().forEach(p -> ys.addAll(List.of(p.mean(), p.ciLow(), p.ciHigh()))));
        XYChart chart = Look.chart(HEIGHT, "Requests per second per backend, mean with 95% CI", "test",
                "requests per second (log scale)");
        Look.logY(chart, ys);
        Look.categories(chart, tests);
        PointLayer layer = Look.layer(chart, names.size());
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        for (int b = 0; b < names.size(); b++) {
            Mark mark = Backends.mark(names.get(b), b);
            double slot = b - (names.size() - 1) / 2.0;
            for (int t = 0; t < tests.size(); t++) {
                NetbenchResults.Point p = byTest.get(tests.get(t)).get(names.get(b));
                if (p != null) {
                    layer.value(t, p.mean(), p.ciLow(), p.ciHigh(), mark, slot, null);
                }
            }
            legend.add(Canvas.LegendEntry.interval(names.get(b), mark));
        }
        StringBuilder values = new StringBuilder();
        for (String t : tests) {
            List<String> parts = new ArrayList<>();
            byTest.get(t).forEach((b, p) -> parts.add("`" + b + "` " + String.format(Locale.ROOT, "%.0f", p.mean())));
            values.append(values.isEmpty() ? "" : "; ").append(t).append(": ").append(String.join(", ", parts));
        }
        Caption caption = new Caption("Requests per second per backend",
                "Requests per second (log scale) per test, from `" + run.origin().shown() + "`: `redis-benchmark` GET and SET with"
                        + " pipelining 1 (P1) and 16 (P16) against the kernel's `kv-server`, and `wrk --latency` fetching a 1 KB and a"
                        + " 64 KB file from the kernel's `http-server`, each run from the kernel's network namespace over its TAP"
                        + " interface, one boot per backend, test family and repetition. Each point is the mean over "
                        + Text.count(run.reps(), "repetition") + " (backends in rotated order), whiskers its Student t 95% interval"
                        + " (none with fewer than two); backends side by side in each test. Latency percentiles and each backend's"
                        + " slowdown against `none` are in the result file. Here: " + values + ".",
                List.of(new Caption.Source(run.origin(), String.join(", ", names))));
        return List.of(new Drawing("netbench-requests", Canvas.of(chart, legend, caption.footer()), caption));
    }
}
