package mpkernel.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import mpkernel.results.BadResultFile;
import mpkernel.results.WilsonInterval;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The fault-injection campaign: for each backend (a panel, one campaign) and fault model (a
 * category), the share of trials that ended in each outcome, one mark per outcome side by side,
 * each with its Wilson 95% score interval, with one legend for all panels.
 */
final class FaultFigure implements Figure {

    /** An outcome as the legend names it, and its mark. */
    private record Outcome(String label, Mark mark) {
    }

    /** Known outcomes, from the one isolation is for to the worst; unknown ones follow. */
    private static final Map<String, Outcome> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put("DETECTED_BY_ISOLATION", new Outcome("detected by isolation", new Mark(Mark.Form.CIRCLE, Mark.Tone.BLACK)));
        OUTCOMES.put("DENIED_BY_CONFINEMENT", new Outcome("denied by confinement", new Mark(Mark.Form.DIAMOND, Mark.Tone.BLACK)));
        OUTCOMES.put("CAUGHT_BY_JAVA", new Outcome("caught by Java", new Mark(Mark.Form.SQUARE, Mark.Tone.WHITE)));
        OUTCOMES.put("CRASH_OTHER", new Outcome("other crash", new Mark(Mark.Form.TRIANGLE_UP, Mark.Tone.GREY)));
        OUTCOMES.put("BENIGN", new Outcome("benign", new Mark(Mark.Form.CIRCLE, Mark.Tone.WHITE)));
        OUTCOMES.put("HANG", new Outcome("hang", new Mark(Mark.Form.SQUARE, Mark.Tone.GREY)));
        OUTCOMES.put("WRONG_OUTPUT", new Outcome("wrong output", new Mark(Mark.Form.TRIANGLE_DOWN, Mark.Tone.WHITE)));
        OUTCOMES.put("SILENT_KERNEL_CORRUPTION", new Outcome("silent kernel corruption", new Mark(Mark.Form.TRIANGLE_DOWN, Mark.Tone.BLACK)));
        OUTCOMES.put("SECRET_LEAKED", new Outcome("secret leaked", new Mark(Mark.Form.CROSS, Mark.Tone.BLACK)));
    }

    /** Marks of outcomes this figure does not know, in turn. */
    private static final List<Mark> OTHER_MARKS = List.of(new Mark(Mark.Form.DIAMOND, Mark.Tone.GREY),
            new Mark(Mark.Form.TRIANGLE_UP, Mark.Tone.WHITE), new Mark(Mark.Form.DIAMOND, Mark.Tone.WHITE));

    /** Fault models in the campaign's order; unknown ones follow in order of appearance. */
    private static final List<String> MODELS = List.of("control", "wild-write", "wild-read", "overflow", "descriptor-bitflip",
            "use-after-free", "native-user-write", "proc-mem");

    private static final int PANEL_HEIGHT = 320;

    @Override
    public String subject() {
        return "fault campaign";
    }

    @Override
    public String command() {
        return FaultResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        FaultResults.Selection selection = FaultResults.select(results);
        Map<String, FaultResults.Campaign> campaigns = selection.drawn();
        if (campaigns.isEmpty()) {
            throw new MissingResults(subject(), "no " + results.name() + "/faults-*.csv with a trial", command());
        }
        Set<String> models = new LinkedHashSet<>();
        MODELS.stream().filter(m -> campaigns.values().stream().anyMatch(c -> c.trials(m) > 0)).forEach(models::add);
        Set<String> outcomeSet = new LinkedHashSet<>();
        OUTCOMES.keySet().stream().filter(o -> campaigns.values().stream().anyMatch(c -> total(c, o) > 0)).forEach(outcomeSet::add);
        campaigns.values().forEach(c -> {
            models.addAll(c.counts().keySet());
            c.counts().values().forEach(m -> outcomeSet.addAll(m.keySet()));
        });
        List<String> modelList = List.copyOf(models);
        List<String> outcomes = List.copyOf(outcomeSet);
        Map<String, Outcome> shown = new LinkedHashMap<>();
        int unknown = 0;
        for (String o : outcomes) {
            shown.put(o, OUTCOMES.containsKey(o) ? OUTCOMES.get(o)
                    : new Outcome(o.toLowerCase(Locale.ROOT).replace('_', ' '), OTHER_MARKS.get(Math.min(unknown++, OTHER_MARKS.size() - 1))));
        }

        List<Chart<?, ?>> panels = new ArrayList<>();
        List<Caption.Source> sources = new ArrayList<>();
        StringBuilder trials = new StringBuilder();
        int n = 0;
        for (FaultResults.Campaign c : campaigns.values()) {
            boolean last = ++n == campaigns.size();
            String name = "backend " + c.backend() + (c.backend().equals(Backends.VANILLA) ? " (no isolation)" : "")
                    + (c.parts().stream().allMatch(p -> p.origin().provenance().get("inside_qemu").equals("yes")) ? " in the QEMU guest" : "");
            XYChart chart = Look.chart(PANEL_HEIGHT, name + ": " + c.trials() + " trials" + (c.mixed() ? ", pooled campaigns" : ""),
                    "fault model", "share of trials (%)");
            chart.getStyler().setXAxisTitleVisible(last);
            // A little beyond 0 and 100%, so that marks at the ends are not cut by the frame.
            Look.fixedY(chart, -5, 105);
            Look.categories(chart, modelList);
            PointLayer layer = Look.layer(chart, outcomes.size());
            for (int i = 0; i < modelList.size(); i++) {
                String model = modelList.get(i);
                if (c.trials(model) == 0) {
                    continue;
                }
                for (int k = 0; k < outcomes.size(); k++) {
                    WilsonInterval w = WilsonInterval.of(c.count(model, outcomes.get(k)), c.trials(model));
                    layer.value(i, 100 * w.share(), 100 * w.low(), 100 * w.high(), shown.get(outcomes.get(k)).mark(),
                            k - (outcomes.size() - 1) / 2.0, null);
                }
            }
            panels.add(chart);
            c.parts().forEach(p -> sources.add(new Caption.Source(p.origin(), c.backend() + ", seed " + p.seed())));
            trials.append(trials.isEmpty() ? "" : " ").append(campaignText(c, modelList, selection.leftOut().get(c.backend())));
        }
        List<Canvas.LegendEntry> legend = outcomes.stream().map(o -> Canvas.LegendEntry.interval(shown.get(o).label(), shown.get(o).mark())).toList();
        Caption caption = new Caption("Fault campaign: outcome of each injected fault, per backend and fault model",
                "For each backend (one panel, one campaign: the files of one seed, commit and machine, unless pooled with"
                        + " `--pool`) and fault model (one group), the share in percent of the trials that ended in each outcome, side"
                        + " by side, with its Wilson 95% score interval (which stays within 0 to 100% and bounds a share of 0 or 100%):"
                        + " detected by isolation (the protection fault stopped it), denied by confinement, caught by Java, another crash,"
                        + " benign, hang, wrong output, silent kernel corruption, secret leaked. " + trials,
                sources);
        return List.of(new Drawing("faults", new Canvas(Look.WIDTH, panels, legend, caption.footer()), caption));
    }

    /** One campaign in words: files, seeds, trials per model, its detection shares, and what was left out. */
    private static String campaignText(FaultResults.Campaign c, List<String> models, List<FaultResults.Part> leftOut) {
        StringBuilder sb = new StringBuilder();
        sb.append("`").append(c.backend()).append("`: ").append(c.mixed() ? "pooled from " : "drawn from ");
        sb.append(String.join(", ", c.parts().stream().map(p -> "`" + p.origin().shown() + "`").toList()));
        sb.append(c.seeds().size() == 1 ? " (seed " : " (seeds ").append(String.join(", ", c.seeds())).append("); trials ");
        sb.append(String.join(", ", models.stream().filter(m -> c.trials(m) > 0).map(m -> m + " " + c.trials(m)).toList()));
        List<String> detected = new ArrayList<>();
        for (String m : models) {
            int k = c.count(m, "DETECTED_BY_ISOLATION");
            if (c.trials(m) > 0 && !m.equals("control")) {
                WilsonInterval w = WilsonInterval.of(k, c.trials(m));
                detected.add(m + " " + k + "/" + c.trials(m) + " = " + Text.share(w.share()) + " [" + Text.share(w.low()) + ", "
                        + Text.share(w.high()) + "]");
            }
        }
        if (!detected.isEmpty()) {
            sb.append("; detected by isolation: ").append(String.join(", ", detected));
        }
        if (leftOut != null && !leftOut.isEmpty()) {
            sb.append("; not drawn, being another campaign (add them up with `--pool`): ")
                    .append(String.join(", ", leftOut.stream().map(p -> "`" + p.origin().shown() + "` (seed " + p.seed() + ", commit "
                            + p.origin().provenance().commit() + ")").toList()));
        }
        return sb.append('.').toString();
    }

    private static int total(FaultResults.Campaign c, String outcome) {
        return c.counts().values().stream().mapToInt(m -> m.getOrDefault(outcome, 0)).sum();
    }
}
