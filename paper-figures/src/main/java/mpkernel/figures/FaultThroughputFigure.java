package mpkernel.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mpkernel.results.BadResultFile;
import org.knowm.xchart.XYChart;

/**
 * How fast the fault campaigns ran: one category per backend and place (host, native PKU, the
 * QEMU guest), each campaign file in it a point, its trials per minute estimated from its trial
 * times and jobs ({@link TrialRate}) with a 95% interval, on a log axis (the guest is tens of
 * times slower than the host), and issue 19's target for {@code mpk} in the guest as a dashed
 * line. A point, not a bar: the package's rule for log axes.
 */
final class FaultThroughputFigure implements Figure {

    /** Issue 19's target: trials per minute of an {@code mpk} campaign in the QEMU guest. */
    static final double GUEST_TARGET = 20;

    private static final int HEIGHT = 540;

    @Override
    public String subject() {
        return "faults throughput";
    }

    @Override
    public String command() {
        return FaultResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        FaultRates.Reading reading = FaultRates.read(results);
        if (reading.campaigns().isEmpty()) {
            String folders = results.name() + "/faults-*.csv or " + results.name() + "/" + ResultsFolder.NATIVE_PKU + "/faults-*.csv";
            throw new MissingResults(subject(), reading.withTrials() == 0 ? "no " + folders + " with a trial"
                    : "none of " + Text.count(reading.withTrials(), "campaign file") + " in " + folders + " records its jobs and trial times",
                    command());
        }
        Map<String, List<FaultRates.Campaign>> byCategory = new LinkedHashMap<>();
        for (FaultRates.Campaign c : reading.campaigns()) {
            byCategory.computeIfAbsent(category(c), k -> new ArrayList<>()).add(c);
        }
        List<String> categories = List.copyOf(byCategory.keySet());
        int widest = byCategory.values().stream().mapToInt(List::size).max().orElse(1);

        List<Double> range = new ArrayList<>(List.of(GUEST_TARGET));
        reading.campaigns().forEach(c -> range.addAll(List.of(c.rate().perMinute(), c.rate().low(), c.rate().high())));
        range.removeIf(v -> Double.isNaN(v) || Double.isInfinite(v));
        XYChart chart = Look.chart(HEIGHT, "Fault campaigns: trials per minute from trial times × jobs (an upper bound)",
                "backend, place", "est. trials/min, upper bound (log scale)");
        Look.logY(chart, range);
        // The axis names a place short, so that the labels stand upright; the caption names it in full.
        Look.categories(chart, byCategory.values().stream().map(in -> in.getFirst().backend() + ", " + in.getFirst().place().axis())
                .toList());
        PointLayer layer = Look.layer(chart, widest);
        if (widest > 1) {
            layer.verticalLabels();
        }
        layer.guide(false, GUEST_TARGET, Look.DASHED, "target " + Text.trimmed(GUEST_TARGET) + " trials/min (mpk, guest)");
        List<CampaignPlace> places = new ArrayList<>();
        List<Caption.Source> sources = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            List<FaultRates.Campaign> in = byCategory.get(categories.get(i));
            for (int k = 0; k < in.size(); k++) {
                FaultRates.Campaign c = in.get(k);
                TrialRate r = c.rate();
                layer.value(i, r.perMinute(), r.low(), r.high(), c.place().mark(), k - (in.size() - 1) / 2.0, perMinute(r.perMinute()));
                if (!places.contains(c.place())) {
                    places.add(c.place());
                }
                sources.add(new Caption.Source(c.origin(), c.backend() + ", " + c.place().label() + ", jobs " + r.jobs()));
            }
        }
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        places.stream().sorted().forEach(p -> legend.add(Canvas.LegendEntry.interval(p.legend() + ", 95% CI", p.mark())));
        legend.add(Canvas.LegendEntry.line("issue 19's target for mpk in the guest: " + Text.trimmed(GUEST_TARGET) + " trials/min",
                Look.DASHED));

        Caption caption = new Caption("Fault campaign throughput per backend and place",
                ("Trials per minute (log scale), estimated from per-trial wall times × jobs (an upper bound: the campaign's own time"
                        + " between trials is left out). A campaign file records each trial's wall time (`millis`) and how many trials"
                        + " ran at once (`jobs`), not the campaign's own duration, so each point is `jobs × 60,000 / mean millis`: the"
                        + " pace of that many workers that each start a trial the moment the last one ends. Whiskers: the Student t 95%"
                        + " interval of the mean trial time, each end turned into a rate (none with one trial; an arrowhead where the"
                        + " rate has no upper end). One category per backend and place, one point per campaign file (a shard is a process"
                        + " of its own): host (`inside_qemu: no`, `pku: no`), native PKU (`inside_qemu: no`, `pku: yes`), the PKU guest"
                        + " (`inside_qemu: yes`, every time emulated by QEMU TCG), or place unknown where a file records neither."
                        + " Campaigns are read from the results folder and from its folder `"
                        + ResultsFolder.NATIVE_PKU + "/` (runs copied back from a machine with real PKU, another machine and commit)."
                        + " The dashed line is issue 19's target of " + Text.trimmed(GUEST_TARGET) + " trials per minute for `mpk` in"
                        + " the guest. " + values(reading.campaigns()) + target(reading.campaigns()) + leftOut(reading.leftOut())).strip(),
                sources);
        return List.of(new Drawing("faults-throughput", Canvas.of(chart, legend, caption.footer()), caption));
    }

    /** The category a campaign is drawn in, as the caption names it, e.g. {@code mpk, PKU guest (QEMU TCG)}; the axis names it short. */
    static String category(FaultRates.Campaign c) {
        return c.backend() + ", " + c.place().label();
    }

    /** A rate as a label prints it: three significant digits below 100, whole numbers above: {@code 1.62}, {@code 37.0}, {@code 548}. */
    static String perMinute(double rate) {
        return rate >= 100 ? String.format(Locale.ROOT, "%.0f", rate) : String.format(Locale.ROOT, "%.3g", rate);
    }

    /** Each file's estimate in words. */
    private static String values(List<FaultRates.Campaign> campaigns) {
        List<String> parts = new ArrayList<>();
        for (FaultRates.Campaign c : campaigns) {
            TrialRate r = c.rate();
            parts.add("`" + c.origin().shown() + "` (" + category(c) + ", jobs " + r.jobs() + ", " + Text.count(r.trials(), "trial")
                    + ", mean " + String.format(Locale.ROOT, "%.0f", r.meanMillis()) + " ms" + ("EMULATED".equals(timing(c)) ? ", emulated" : "")
                    + merged(c) + ") " + perMinute(r.perMinute()) + interval(r) + " trials/min");
        }
        return "Here: " + String.join("; ", parts) + ". ";
    }

    private static String interval(TrialRate r) {
        if (!r.hasInterval()) {
            return " (no interval)";
        }
        return " [" + perMinute(r.low()) + ", " + (Double.isInfinite(r.high()) ? "unbounded" : perMinute(r.high())) + "]";
    }

    /**
     * For a file that {@code ./mpk faults merge} joined from shards: its {@code jobs} is the
     * first shard's, so the estimate is the pace of one shard's workers, not of the shards
     * together; unless {@code --qemu --guests G} merged it, which records its guests (counted
     * as workers) and its own wall-clock pace.
     */
    private static String merged(FaultRates.Campaign c) {
        java.util.Optional<String> guests = c.origin().provenance().find("guests");
        if (guests.isPresent()) {
            return ", merged from " + guests.get() + " guests run side by side (jobs counts all of them); the campaign's own pace: "
                    + c.origin().provenance().find("guest_pace").orElse("not recorded");
        }
        return c.origin().provenance().find("merged_from").map(m -> ", merged from " + Text.count(m.split("\\s+").length, "shard")
                + ": one shard's pace").orElse("");
    }

    /** The first word of a file's {@code timing} field, e.g. {@code measured} or {@code EMULATED}. */
    private static String timing(FaultRates.Campaign c) {
        return c.origin().provenance().get("timing").split("[\\s:(]", 2)[0];
    }

    /** How {@code mpk} in the guest stands against the target; an estimate at or above it is an upper bound, so it meets nothing for sure. */
    private static String target(List<FaultRates.Campaign> campaigns) {
        List<String> parts = new ArrayList<>();
        for (FaultRates.Campaign c : campaigns) {
            if (c.backend().equals("mpk") && c.place() == CampaignPlace.GUEST) {
                double r = c.rate().perMinute();
                parts.add("`" + c.origin().shown() + "` " + perMinute(r) + (r < GUEST_TARGET
                        ? " trials/min, below it even as an upper bound: not met"
                        : " trials/min, at or above it by this upper bound: check the campaign's own trials/min before calling it met"));
            }
        }
        return parts.isEmpty() ? "No `mpk` campaign in the guest, so the target is not measured. "
                : "Against the target: " + String.join("; ", parts) + ". ";
    }

    private static String leftOut(List<FaultRates.LeftOut> leftOut) {
        if (leftOut.isEmpty()) {
            return "";
        }
        return "Not drawn, no pace to estimate: " + String.join(", ", leftOut.stream().map(l -> "`" + l.origin().shown() + "` (" + l.why() + ")")
                .toList()) + ".";
    }
}
