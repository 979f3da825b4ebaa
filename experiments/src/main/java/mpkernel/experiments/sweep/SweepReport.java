package mpkernel.experiments.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mpkernel.experiments.overhead.Slowdown;
import mpkernel.isolation.Backend;
import mpkernel.results.JsonText;
import mpkernel.results.Provenance;

/**
 * A sweep's output: the console table and {@code sweep-<stamp>.json}, written atomically after
 * every step, with the run's provenance: per backend, the cost of one crossing with its 95%
 * interval held against the JMH round trip of the same commit, and per step the crossing rate
 * and the slowdown with its interval (the overhead experiment's estimator).
 */
public final class SweepReport {

    /** Within this factor of the JMH round trip, the sweep and JMH agree. */
    static final double AGREEMENT = 2.0;

    private final Map<String, String> provenance;
    private final SweepPlan plan;
    private final Optional<JmhCrossingCosts> jmh;
    private final double margin;

    public SweepReport(Map<String, String> provenance, SweepPlan plan, Optional<JmhCrossingCosts> jmh, double margin) {
        this.provenance = provenance;
        this.plan = plan;
        this.jmh = jmh;
        this.margin = margin;
    }

    /** What the sweep says of {@code backend}'s crossing cost, next to JMH, in one line. */
    String verdict(Backend backend, CrossingCost cost) {
        String measured = Double.isNaN(cost.ciLow()) ? String.format(Locale.ROOT, "%.1f ns (no interval: too few pairs)", cost.nanos())
                : String.format(Locale.ROOT, "%.1f ns [95%% CI %.1f, %.1f]", cost.nanos(), cost.ciLow(), cost.ciHigh());
        Double trip = jmh.map(j -> j.nanos().get(backend.cliName())).orElse(null);
        if (trip == null) {
            return measured + "; no JMH run of this commit in results/ to compare with (run ./mpk bench)";
        }
        double ratio = cost.nanos() / trip;
        String against = String.format(Locale.ROOT, "JMH %s %.1f ns", jmh.get().kind(backend.cliName()), trip);
        if (!cost.detected()) {
            // A cost this run could tell from 0 is about the interval's half-width; the upper
            // end alone says nothing of resolution (it is 0 when the estimate is -half).
            String bound = String.format(Locale.ROOT, "; not distinguishable from 0 in this run: the cost is at most %.1f ns,"
                    + " and this run resolves costs of about %.1f ns (the interval's half-width)", cost.ciHigh(), (cost.ciHigh() - cost.ciLow()) / 2);
            if (Double.isNaN(cost.ciHigh()) || trip <= cost.ciHigh()) {
                return measured + bound + String.format(Locale.ROOT, "; the %s lies inside the interval: consistent", against);
            }
            return measured + bound + String.format(Locale.ROOT, "; the %s is above the interval: DISAGREES (the fit puts"
                    + " a crossing in a running program below JMH's loop; at these costs a bias of the fit at the highest rates is as likely)", against);
        }
        if (ratio >= 1 / AGREEMENT && ratio <= AGREEMENT) {
            return measured + String.format(Locale.ROOT, "; %.2fx the %s: agrees within %.0fx", ratio, against, AGREEMENT);
        }
        return measured + String.format(Locale.ROOT, "; %.2fx the %s: DISAGREES beyond %.0fx (a crossing in a running program"
                + " also pays the kernel's own work and cache effects a JMH loop does not, and the reverse)", ratio, against, AGREEMENT);
    }

    /** The console table. */
    public String table(List<SweepStep> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-9s %9s %13s %24s %13s%n", "backend", "every K", "crossings/s", "slowdown [95% CI]", "verified"));
        for (SweepStep s : steps) {
            Slowdown d = s.slowdown(margin);
            sb.append(String.format(Locale.ROOT, "%-9s %9d %13.0f %24s %13s%n", s.backend().cliName(), s.every(), s.rate(),
                    Double.isNaN(d.ciLow()) ? pct(d.slowdown()) : pct(d.slowdown()) + " [" + pct(d.ciLow()) + ", " + pct(d.ciHigh()) + "]",
                    s.verified() ? "yes" : "NO"));
        }
        sb.append('\n');
        for (Backend b : plan.backends()) {
            List<SweepStep> mine = steps.stream().filter(s -> s.backend() == b).toList();
            if (!mine.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "cost of one crossing, %s: %s%n", b.cliName(), verdict(b, CrossingCost.of(mine))));
            }
        }
        sb.append("estimators: per step, ").append(Slowdown.ESTIMATOR).append("; per backend, ").append(CrossingCost.ESTIMATOR).append('\n');
        return sb.toString();
    }

    /** Writes {@code file} atomically. */
    public void write(Path file, List<SweepStep> steps, boolean complete) throws IOException {
        JsonObject root = new JsonObject();
        root.add("provenance", new Provenance(provenance).json());
        root.addProperty("complete", complete);
        JsonObject settings = new JsonObject();
        settings.addProperty("program", "sweep");
        settings.addProperty("work", plan.work());
        settings.addProperty("call", plan.call());
        settings.addProperty("units", plan.units());
        settings.addProperty("order", "ABBA");
        settings.addProperty("pairs", plan.pairs());
        settings.addProperty("warmups", plan.warmups());
        settings.addProperty("measured", plan.measured());
        settings.addProperty("quick", plan.quick());
        settings.addProperty("slowdown_estimator", Slowdown.ESTIMATOR);
        settings.addProperty("cost_estimator", CrossingCost.ESTIMATOR);
        root.add("settings", settings);
        jmh.ifPresent(j -> root.addProperty("jmh_file", j.file().getFileName().toString()));
        JsonArray backends = new JsonArray();
        for (Backend b : plan.backends()) {
            List<SweepStep> mine = steps.stream().filter(s -> s.backend() == b).toList();
            if (mine.isEmpty()) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("backend", b.cliName());
            CrossingCost cost = CrossingCost.of(mine);
            JsonObject c = new JsonObject();
            c.addProperty("ns", cost.nanos());
            c.addProperty("ci_low_ns", cost.ciLow());
            c.addProperty("ci_high_ns", cost.ciHigh());
            c.addProperty("r_square", cost.rSquare());
            c.addProperty("pairs", cost.points());
            c.addProperty("detected", cost.detected());
            c.addProperty("verdict", verdict(b, cost));
            jmh.map(j -> j.nanos().get(b.cliName())).ifPresent(t -> {
                c.addProperty("jmh_ns", t);
                c.addProperty("jmh_compared", jmh.get().kind(b.cliName()));
            });
            o.add("cost_per_crossing", c);
            JsonArray points = new JsonArray();
            for (SweepStep s : mine) {
                Slowdown d = s.slowdown(margin);
                JsonObject p = new JsonObject();
                p.addProperty("every", s.every());
                p.addProperty("crossings_per_s", s.rate());
                p.addProperty("slowdown", d.slowdown());
                p.addProperty("ci_low", d.ciLow());
                p.addProperty("ci_high", d.ciHigh());
                p.addProperty("verified", s.verified());
                p.add("vanilla_s", JsonText.tree(s.vanillaSeconds()));
                p.add("isolated_s", JsonText.tree(s.isolatedSeconds()));
                p.add("crossings", JsonText.tree(s.crossings()));
                points.add(p);
            }
            o.add("steps", points);
            backends.add(o);
        }
        root.add("backends", backends);
        JsonText.write(file, root);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * x);
    }
}
