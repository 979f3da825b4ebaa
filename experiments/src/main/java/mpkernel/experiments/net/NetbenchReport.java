package mpkernel.experiments.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import mpkernel.experiments.overhead.Slowdown;
import mpkernel.isolation.Backend;
import mpkernel.results.JsonText;
import mpkernel.results.Provenance;

/**
 * A netbench run's output: {@code netbench-<stamp>.json}, written atomically after every part
 * with the run's provenance, its settings, the raw numbers of every repetition, per backend and
 * metric the mean with its 95% interval and the slowdown against {@code none} with its 95%
 * interval, the crossing counts, and the targets; and the console's tables.
 */
public final class NetbenchReport {

    private final Map<String, String> provenance;

    public NetbenchReport(Map<String, String> provenance) {
        this.provenance = provenance;
    }

    /** Everyone measured: the backends and Linux. */
    private static List<String> everyone(NetbenchPlan plan) {
        List<String> all = new ArrayList<>(plan.backends().stream().map(Backend::cliName).toList());
        all.add(NetbenchPlan.LINUX);
        return all;
    }

    /** Writes {@code file} atomically. */
    public void write(Path file, NetbenchResult r) throws IOException {
        NetbenchPlan plan = r.plan();
        JsonObject root = new JsonObject();
        root.add("provenance", new Provenance(provenance).json());
        root.addProperty("complete", r.complete());
        JsonObject settings = new JsonObject();
        settings.addProperty("quick", plan.quick());
        settings.add("backends", JsonText.tree(plan.backends().stream().map(Backend::cliName).toList()));
        settings.addProperty("baseline", Backend.NONE.cliName());
        settings.addProperty("reps", plan.reps());
        settings.addProperty("order", "rotated: repetition k runs the backends and Linux starting from the k-th");
        settings.add("sizes", JsonText.tree(plan.sizes()));
        settings.addProperty("warmup_s", plan.warmupMillis() / 1000.0);
        settings.addProperty("measure_s", plan.measureMillis() / 1000.0);
        settings.addProperty("stream_sender", "java.net, TCP_NODELAY, one connection per size, in a child JVM in the namespace");
        settings.addProperty("linux_path", "java.net discard sink in its own network namespace, reached over a veth pair ("
                + LinuxPath.CLIENT + " -> " + LinuxPath.SERVER + ")");
        settings.addProperty("redis_requests", plan.redisRequests());
        settings.addProperty("redis_clients", plan.redisClients());
        settings.add("redis_pipelines", JsonText.tree(NetbenchPlan.PIPELINES));
        settings.addProperty("wrk_seconds", plan.wrkSeconds());
        settings.addProperty("wrk_connections", plan.wrkConnections());
        settings.addProperty("wrk_threads", 1);
        settings.add("wrk_files_bytes", JsonText.tree(NetbenchPlan.WRK_FILES));
        settings.add("crossing_gets", JsonText.tree(Arrays.stream(plan.crossingGets()).boxed().toList()));
        settings.add("crossing_bytes", JsonText.tree(Arrays.stream(plan.crossingBytes()).boxed().toList()));
        settings.addProperty("crossing_message_bytes", plan.crossingMessage());
        settings.addProperty("mean_estimator", RepMean.ESTIMATOR);
        settings.addProperty("slowdown_estimator", RateSlowdown.ESTIMATOR);
        settings.addProperty("crossings_estimator", Crossings.ESTIMATOR);
        root.add("settings", settings);
        root.add("skipped", JsonText.tree(r.skipped()));
        root.add("failures", JsonText.tree(r.data().failures()));

        JsonArray stream = new JsonArray();
        for (String who : everyone(plan)) {
            for (int size : plan.sizes()) {
                String metric = Observations.stream(size);
                if (r.data().has(metric, who)) {
                    JsonObject o = series(r, metric, who, "bytes/s");
                    o.addProperty("size", size);
                    stream.add(o);
                }
            }
        }
        root.add("stream", stream);

        JsonArray requests = new JsonArray();
        for (String metric : plan.requestMetrics()) {
            for (Backend b : plan.backends()) {
                if (r.data().has(metric, b.cliName())) {
                    Observations.Series s = r.data().get(metric, b.cliName());
                    JsonObject o = series(r, metric, b.cliName(), "requests/s");
                    o.add("p50_ms", JsonText.tree(s.p50));
                    o.add("p99_ms", JsonText.tree(s.p99));
                    o.addProperty("p50_ms_mean", RepMean.of(Arrays.stream(s.p50).boxed().toList()).mean());
                    o.addProperty("p99_ms_mean", RepMean.of(Arrays.stream(s.p99).boxed().toList()).mean());
                    requests.add(o);
                }
            }
        }
        root.add("requests", requests);

        JsonArray crossings = new JsonArray();
        for (Crossings c : r.crossings().values()) {
            JsonObject o = new JsonObject();
            o.addProperty("backend", c.backend());
            o.addProperty("per_get", c.perGet());
            o.addProperty("per_mb", c.perMegabyte());
            o.addProperty("message_bytes", c.message());
            crossings.add(o);
        }
        root.add("crossings", crossings);

        JsonArray targets = new JsonArray();
        for (Target t : Target.of(r)) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("goal", t.goal());
            if (t.met() == null) {
                o.add("met", JsonNull.INSTANCE);
            } else {
                o.addProperty("met", t.met());
            }
            o.addProperty("detail", t.detail());
            targets.add(o);
        }
        root.add("targets", targets);
        JsonText.write(file, root);
    }

    /** One metric on one backend: raw values, mean with its interval, and the slowdown against none. */
    private static JsonObject series(NetbenchResult r, String metric, String who, String unit) {
        JsonObject o = new JsonObject();
        o.addProperty("backend", who);
        o.addProperty("metric", metric);
        o.addProperty("unit", unit);
        List<Double> values = r.data().get(metric, who).rates();
        o.add("reps", JsonText.tree(values));
        RepMean m = RepMean.of(values);
        o.addProperty("mean", m.mean());
        o.addProperty("ci_low", m.ciLow());
        o.addProperty("ci_high", m.ciHigh());
        o.addProperty("n", m.n());
        if (!who.equals(Backend.NONE.cliName())) {
            Slowdown d = RateSlowdown.of(r.data().get(metric, Backend.NONE.cliName()).rates(), values);
            if (d != null) {
                JsonObject v = new JsonObject();
                v.addProperty("slowdown", d.slowdown());
                v.addProperty("ci_low", d.ciLow());
                v.addProperty("ci_high", d.ciHigh());
                v.addProperty("pairs", d.pairs());
                o.add("vs_none", v);
            }
        }
        return o;
    }

    /** The console tables: stream MB/s per size, requests/s per test, crossings and targets. */
    public String table(NetbenchResult r) {
        NetbenchPlan plan = r.plan();
        StringBuilder sb = new StringBuilder();
        List<String> who = everyone(plan);
        sb.append(String.format(Locale.ROOT, "%-22s", "stream MB/s [95% CI]"));
        who.forEach(w -> sb.append(String.format(Locale.ROOT, " %24s", w)));
        sb.append('\n');
        for (int size : plan.sizes()) {
            sb.append(String.format(Locale.ROOT, "%-22s", size + " B"));
            for (String w : who) {
                sb.append(String.format(Locale.ROOT, " %24s", cell(r, Observations.stream(size), w, 1e6)));
            }
            sb.append('\n');
        }
        sb.append('\n').append(String.format(Locale.ROOT, "%-22s", "requests/s [95% CI]"));
        plan.backends().forEach(b -> sb.append(String.format(Locale.ROOT, " %24s", b.cliName())));
        sb.append('\n');
        for (String metric : plan.requestMetrics()) {
            if (plan.backends().stream().noneMatch(b -> r.data().has(metric, b.cliName()))) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-22s", metric));
            for (Backend b : plan.backends()) {
                sb.append(String.format(Locale.ROOT, " %24s", cell(r, metric, b.cliName(), 1)));
            }
            sb.append('\n');
        }
        sb.append('\n');
        for (Backend b : plan.backends()) {
            for (String metric : slowdownMetrics(plan)) {
                if (b == Backend.NONE) {
                    continue;
                }
                Slowdown d = RateSlowdown.of(r.data().get(metric, Backend.NONE.cliName()).rates(), r.data().get(metric, b.cliName()).rates());
                if (d != null) {
                    sb.append(String.format(Locale.ROOT, "slowdown of %-8s vs none, %-14s %s%n", b.cliName(), metric + ":", pct(d)));
                }
            }
        }
        for (Crossings c : r.crossings().values()) {
            sb.append(String.format(Locale.ROOT, "crossings, %-8s %.2f per GET, %.1f per MB (%d B messages)%n", c.backend(), c.perGet(),
                    c.perMegabyte(), c.message()));
        }
        for (Target t : Target.of(r)) {
            sb.append("target: ").append(t.goal()).append(": ").append(t.verdict()).append(" (").append(t.detail()).append(")\n");
        }
        r.skipped().forEach(s -> sb.append("skipped: ").append(s).append('\n'));
        r.data().failures().forEach(f -> sb.append("FAILED: ").append(f).append('\n'));
        sb.append("estimators: ").append(RepMean.ESTIMATOR).append("; slowdown: ").append(RateSlowdown.ESTIMATOR).append('\n');
        return sb.toString();
    }

    /** The metrics the console gives a slowdown for: the largest and smallest message, and every request test. */
    private static List<String> slowdownMetrics(NetbenchPlan plan) {
        List<String> m = new ArrayList<>();
        m.add(Observations.stream(plan.sizes().getFirst()));
        m.add(Observations.stream(plan.sizes().getLast()));
        m.addAll(plan.requestMetrics());
        return m;
    }

    private static String cell(NetbenchResult r, String metric, String who, double scale) {
        RepMean m = RepMean.of(r.data().get(metric, who).rates());
        if (m.n() == 0) {
            return "-";
        }
        String digits = m.mean() / scale >= 100 ? "%.0f" : "%.2f";
        String v = String.format(Locale.ROOT, digits, m.mean() / scale);
        return Double.isNaN(m.ciLow()) ? v : v + " [" + String.format(Locale.ROOT, digits, m.ciLow() / scale) + ", "
                + String.format(Locale.ROOT, digits, m.ciHigh() / scale) + "]";
    }

    private static String pct(Slowdown d) {
        return Double.isNaN(d.ciLow()) ? String.format(Locale.ROOT, "%+.1f%%", 100 * d.slowdown())
                : String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", 100 * d.slowdown(), 100 * d.ciLow(), 100 * d.ciHigh());
    }
}
