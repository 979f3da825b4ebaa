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
 * TCP stream throughput against message size from {@code ./mpk netbench}: one series per
 * backend and one for Linux's own stack (the same sender and a {@code java.net} sink behind a
 * veth pair), each size's mean over the repetitions with its Student t 95% interval as whiskers,
 * log-log axes, a line through each series.
 */
final class NetbenchThroughputFigure implements Figure {

    /** Linux's mark: a kind no backend has. */
    static final Mark LINUX = new Mark(Mark.Form.TRIANGLE_UP, Mark.Tone.BLACK);
    /** Linux's name in the result file. */
    static final String LINUX_NAME = "linux";

    private static final int HEIGHT = 520;

    @Override
    public String subject() {
        return "netbench throughput";
    }

    @Override
    public String command() {
        return NetbenchResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        NetbenchResults.Run run = NetbenchResults.newestFor(this, results);
        Map<String, Map<Long, NetbenchResults.Point>> series = series(run);
        if (series.isEmpty()) {
            throw new MissingResults(subject(), run.origin().shown() + " has no stream throughput", command());
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        series.values().forEach(s -> s.forEach((size, p) -> {
            xs.add((double) size);
            ys.addAll(List.of(p.mean() / 1e6, p.ciLow() / 1e6, p.ciHigh() / 1e6));
        }));
        XYChart chart = Look.chart(HEIGHT, "TCP stream throughput by message size, mean with 95% CI",
                "message size (bytes, log scale)", "throughput (MB/s, log scale)");
        Look.logX(chart, xs);
        Look.logY(chart, ys);
        Look.numericX(chart);
        PointLayer layer = Look.layer(chart, 0);
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        int k = 0;
        int unlisted = 0;
        for (Map.Entry<String, Map<Long, NetbenchResults.Point>> e : series.entrySet()) {
            String who = e.getKey();
            Mark mark = who.equals(LINUX_NAME) ? LINUX : Backends.mark(who, unlisted);
            double slot = k - (series.size() - 1) / 2.0;
            List<NetbenchResults.Point> points = List.copyOf(e.getValue().values());
            double[] lx = new double[points.size()];
            double[] ly = new double[points.size()];
            int i = 0;
            for (Map.Entry<Long, NetbenchResults.Point> p : e.getValue().entrySet()) {
                lx[i] = p.getKey();
                ly[i++] = p.getValue().mean() / 1e6;
            }
            layer.trace(lx, ly, Look.THIN, slot);
            for (Map.Entry<Long, NetbenchResults.Point> p : e.getValue().entrySet()) {
                NetbenchResults.Point v = p.getValue();
                layer.value(p.getKey(), v.mean() / 1e6, v.ciLow() / 1e6, v.ciHigh() / 1e6, mark, slot, null);
            }
            legend.add(Canvas.LegendEntry.interval(who.equals(LINUX_NAME) ? "Linux (veth pair)" : who, mark));
            k++;
        }
        Caption caption = new Caption("TCP stream throughput by message size",
                "Throughput in MB/s (10^6 bytes per second, log scale) of one TCP stream against the size of the messages the sender"
                        + " writes (bytes, log scale), from `" + run.origin().shown() + "`: a `java.net` sender with TCP_NODELAY in a child"
                        + " JVM writes messages of each size for a fixed time after a warm-up, into the kernel's `tcp-discard` over its TAP"
                        + " interface (one boot per backend and repetition), and for Linux into a `java.net` discard sink in its own network"
                        + " namespace behind a veth pair. Each point is the mean over " + Text.count(run.reps(), "repetition")
                        + " (backends and Linux in rotated order), whiskers its Student t 95% interval (none with fewer than two);"
                        + " series side by side at each size. At 64 KB: " + at(series, 64 * 1024) + ". " + targets(run),
                List.of(new Caption.Source(run.origin(), String.join(", ", series.keySet()))));
        return List.of(new Drawing("netbench-throughput", Canvas.of(chart, legend, caption.footer()), caption));
    }

    /** Per backend (figure order, Linux last), the stream's points by size. */
    static Map<String, Map<Long, NetbenchResults.Point>> series(NetbenchResults.Run run) {
        Map<String, Map<Long, NetbenchResults.Point>> byBackend = new TreeMap<>(Backends.ORDERING);
        Map<Long, NetbenchResults.Point> linux = new TreeMap<>();
        for (NetbenchResults.Point p : run.stream()) {
            if (p.n() == 0) {
                continue;
            }
            long size = Long.parseLong(p.what());
            if (p.backend().equals(LINUX_NAME)) {
                linux.put(size, p);
            } else {
                byBackend.computeIfAbsent(p.backend(), b -> new TreeMap<>()).put(size, p);
            }
        }
        Map<String, Map<Long, NetbenchResults.Point>> all = new LinkedHashMap<>(byBackend);
        if (!linux.isEmpty()) {
            all.put(LINUX_NAME, linux);
        }
        return all;
    }

    private static String at(Map<String, Map<Long, NetbenchResults.Point>> series, long size) {
        List<String> parts = new ArrayList<>();
        series.forEach((who, points) -> {
            NetbenchResults.Point p = points.get(size);
            if (p != null) {
                parts.add("`" + who + "` " + String.format(Locale.ROOT, "%.1f MB/s", p.mean() / 1e6)
                        + (Double.isNaN(p.ciLow()) ? "" : String.format(Locale.ROOT, " [%.1f, %.1f]", p.ciLow() / 1e6, p.ciHigh() / 1e6)));
            }
        });
        return parts.isEmpty() ? "not measured" : String.join(", ", parts);
    }

    /** The run's targets and verdicts, as the file states them. */
    static String targets(NetbenchResults.Run run) {
        List<String> parts = new ArrayList<>();
        for (NetbenchResults.Target t : run.targets()) {
            parts.add(t.goal() + ": **" + t.verdict() + "** (" + t.detail() + ")");
        }
        return parts.isEmpty() ? "" : "Targets: " + String.join("; ", parts) + ".";
    }
}
