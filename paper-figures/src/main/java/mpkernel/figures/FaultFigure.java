package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The fault-injection campaign: for each backend (a panel) and fault model (a bar), the share of
 * trials that ended in each outcome, stacked to 100%, with one legend for all panels.
 */
final class FaultFigure implements Figure {

    /** An outcome as the legend names it, and its fill. */
    private record Outcome(String label, Fill fill) {
    }

    /** Known outcomes, from the one isolation is for to the worst; unknown ones follow. */
    private static final Map<String, Outcome> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put("DETECTED_BY_ISOLATION", new Outcome("detected by isolation", Fill.SOLID_DARK));
        OUTCOMES.put("DENIED_BY_CONFINEMENT", new Outcome("denied by confinement", Fill.SOLID_DARK));
        OUTCOMES.put("CAUGHT_BY_JAVA", new Outcome("caught by Java", Fill.CROSS));
        OUTCOMES.put("CRASH_OTHER", new Outcome("other crash", Fill.GREY_DIAGONAL));
        OUTCOMES.put("BENIGN", new Outcome("benign", Fill.WHITE));
        OUTCOMES.put("HANG", new Outcome("hang", Fill.DOTS));
        OUTCOMES.put("WRONG_OUTPUT", new Outcome("wrong output", Fill.MID_HORIZONTAL));
        OUTCOMES.put("SILENT_KERNEL_CORRUPTION", new Outcome("silent kernel corruption", Fill.BACK_DIAGONAL));
        OUTCOMES.put("SECRET_LEAKED", new Outcome("secret leaked", Fill.VERTICAL));
    }

    /** Fault models in the campaign's order; unknown ones follow in order of appearance. */
    private static final List<String> MODELS = List.of("control", "wild-write", "wild-read", "overflow", "descriptor-bitflip",
            "use-after-free", "native-user-write", "proc-mem");

    private static final int PANEL_HEIGHT = 300;

    @Override
    public String subject() {
        return "fault campaign";
    }

    @Override
    public String command() {
        return FaultResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(Path results) throws IOException, MissingResults {
        Map<String, FaultResults.Campaign> campaigns = FaultResults.perBackend(results);
        if (campaigns.isEmpty()) {
            throw new MissingResults(subject(), "no " + results.getFileName() + "/faults-*.csv with a trial", command());
        }
        Set<String> models = new LinkedHashSet<>();
        Set<String> outcomes = new LinkedHashSet<>();
        MODELS.stream().filter(m -> campaigns.values().stream().anyMatch(c -> c.trials(m) > 0)).forEach(models::add);
        OUTCOMES.keySet().stream().filter(o -> campaigns.values().stream().anyMatch(c -> count(c, o) > 0)).forEach(outcomes::add);
        campaigns.values().forEach(c -> {
            models.addAll(c.counts().keySet());
            c.counts().values().forEach(m -> outcomes.addAll(m.keySet()));
        });
        List<String> modelList = List.copyOf(models);

        List<Chart<?, ?>> panels = new ArrayList<>();
        List<Caption.Source> sources = new ArrayList<>();
        StringBuilder trials = new StringBuilder();
        int n = 0;
        for (FaultResults.Campaign c : campaigns.values()) {
            boolean last = ++n == campaigns.size();
            String name = "backend " + c.backend() + (c.backend().equals(Backends.VANILLA) ? " (no isolation)" : "")
                    + (c.sources().values().stream().allMatch(p -> p.get("inside_qemu").equals("yes")) ? " in the QEMU guest" : "");
            CategoryChart chart = Look.bars(PANEL_HEIGHT, name + ": " + c.trials() + " trials", "fault model",
                    "share of trials (%)");
            chart.getStyler().setStacked(true);
            chart.getStyler().setXAxisTitleVisible(last);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(100.0);
            for (String o : outcomes) {
                List<Double> shares = modelList.stream().map(m -> c.trials(m) == 0 ? 0.0 : 100.0 * countOf(c, m, o) / c.trials(m)).toList();
                Look.fill(chart.addSeries(outcome(o).label(), modelList, shares), outcome(o).fill());
            }
            panels.add(chart);
            c.sources().forEach((file, p) -> sources.add(new Caption.Source(file, p, c.backend())));
            trials.append(trials.isEmpty() ? "" : "; ").append('`').append(c.backend()).append("`: ");
            trials.append(String.join(", ", modelList.stream().filter(m -> c.trials(m) > 0).map(m -> m + " " + c.trials(m)).toList()));
            List<String> seeds = FaultResults.seeds(c);
            trials.append(seeds.size() == 1 ? " (seed " : " (seeds ").append(String.join(", ", seeds)).append(')');
        }
        List<Canvas.LegendEntry> legend = outcomes.stream().map(o -> Canvas.LegendEntry.bar(outcome(o).label(), outcome(o).fill())).toList();
        Caption caption = new Caption("Fault campaign: outcome of each injected fault, per backend and fault model",
                "For each backend (one panel) and fault model (one bar), the share in percent of the trials that ended in each"
                        + " outcome: detected by isolation (the protection fault stopped it), caught by Java, another crash, benign,"
                        + " hang, wrong output, silent kernel corruption, secret leaked. Trials per backend and model: " + trials + ".",
                sources);
        return List.of(new Drawing("faults", new Canvas(Look.WIDTH, panels, legend, caption.footer()), caption));
    }

    private static Outcome outcome(String name) {
        Outcome known = OUTCOMES.get(name);
        return known != null ? known : new Outcome(name.toLowerCase().replace('_', ' '), Fill.DARK_DIAGONAL);
    }

    private static int count(FaultResults.Campaign c, String outcome) {
        return c.counts().values().stream().mapToInt(m -> m.getOrDefault(outcome, 0)).sum();
    }

    private static int countOf(FaultResults.Campaign c, String model, String outcome) {
        return c.counts().getOrDefault(model, Map.of()).getOrDefault(outcome, 0);
    }
}
