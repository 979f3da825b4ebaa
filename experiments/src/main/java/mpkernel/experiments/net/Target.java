package mpkernel.experiments.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpkernel.experiments.overhead.Slowdown;
import mpkernel.isolation.Backend;

/**
 * One of the goals the network work set itself, checked against a run and reported whether met
 * or not.
 *
 * @param name a short identifier
 * @param goal what it asks, in words
 * @param met whether it is met; null when the run did not measure what it needs
 * @param detail the numbers behind the verdict
 */
record Target(String name, String goal, Boolean met, String detail) {

    /** {@code none}'s throughput at 64 KiB as a share of Linux's that meets the target. */
    static final double LINUX_SHARE = 0.5;
    /** How far {@code mpk-dry} may be from {@code none} at messages of 1 KiB and more. */
    static final double DRY_WITHIN = 0.05;
    /** The smallest message size the {@code mpk-dry} target looks at. */
    static final int DRY_FROM = 1024;
    /** The most gate crossings a {@code GET} may cost. */
    static final double GET_CROSSINGS = 4;

    /** The targets, checked against {@code r}. */
    static List<Target> of(NetbenchResult r) {
        return List.of(linuxShare(r), dryWithin(r), getCrossings(r));
    }

    private static Target linuxShare(NetbenchResult r) {
        String goal = "none reaches at least 50% of Linux's stream throughput at 64 KiB messages";
        int size = 64 * 1024;
        String metric = Observations.stream(size);
        if (!r.plan().sizes().contains(size)) {
            return new Target("none-vs-linux-64k", goal, null, "64 KiB not in this run's sizes");
        }
        RepMean none = RepMean.of(r.data().get(metric, Backend.NONE.cliName()).rates());
        RepMean linux = RepMean.of(r.data().get(metric, NetbenchPlan.LINUX).rates());
        if (none.n() == 0 || linux.n() == 0) {
            return new Target("none-vs-linux-64k", goal, null, "not measured");
        }
        double share = none.mean() / linux.mean();
        return new Target("none-vs-linux-64k", goal, share >= LINUX_SHARE, String.format(Locale.ROOT,
                "none %.1f MB/s, Linux %.1f MB/s: %.1f%% of Linux", none.mean() / 1e6, linux.mean() / 1e6, 100 * share));
    }

    private static Target dryWithin(NetbenchResult r) {
        String goal = "mpk-dry within 5% of none (point estimate of the slowdown) at every message size of 1 KiB and more";
        if (!r.plan().backends().contains(Backend.MPK_DRY)) {
            return new Target("mpk-dry-within-5pct", goal, null, "mpk-dry not in this run");
        }
        boolean all = true;
        List<String> parts = new ArrayList<>();
        for (int size : r.plan().sizes()) {
            if (size < DRY_FROM) {
                continue;
            }
            String metric = Observations.stream(size);
            Slowdown d = RateSlowdown.of(r.data().get(metric, Backend.NONE.cliName()).rates(),
                    r.data().get(metric, Backend.MPK_DRY.cliName()).rates());
            if (d == null) {
                return new Target("mpk-dry-within-5pct", goal, null, "not measured at " + size + " bytes");
            }
            boolean ok = Math.abs(d.slowdown()) <= DRY_WITHIN;
            all &= ok;
            parts.add(String.format(Locale.ROOT, "%d B %+.1f%% [%+.1f, %+.1f]%s", size, 100 * d.slowdown(), 100 * d.ciLow(), 100 * d.ciHigh(),
                    ok ? "" : " (outside)"));
        }
        return new Target("mpk-dry-within-5pct", goal, all, String.join("; ", parts));
    }

    private static Target getCrossings(NetbenchResult r) {
        String goal = "a GET costs at most 4 gate crossings";
        List<String> parts = new ArrayList<>();
        boolean all = true;
        for (Crossings c : r.crossings().values()) {
            if (Double.isNaN(c.perGet())) {
                continue;
            }
            all &= c.perGet() <= GET_CROSSINGS;
            parts.add(String.format(Locale.ROOT, "%s %.2f", c.backend(), c.perGet()));
        }
        if (parts.isEmpty()) {
            return new Target("get-crossings", goal, null, "not measured");
        }
        return new Target("get-crossings", goal, all, "crossings per GET: " + String.join(", ", parts));
    }

    /** {@code met}, {@code NOT met} or {@code not measured}. */
    String verdict() {
        return met == null ? "not measured" : met ? "met" : "NOT met";
    }
}
