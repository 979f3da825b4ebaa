package mpkernel.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mpkernel.results.BadResultFile;
import org.knowm.xchart.XYChart;

/**
 * Gate crossings per second of each macrobenchmark on the isolated build, one point per backend
 * with a complete overhead run: how often a benchmark pays for a gate, which is what its
 * slowdown is made of. The panel shows runs of one commit on one machine (the newest run's);
 * runs of other commits or machines are named in the caption as left out.
 */
final class CrossingsFigure implements Figure {

    private static final int HEIGHT = 480;

    @Override
    public String subject() {
        return "gate crossings";
    }

    @Override
    public String command() {
        return OverheadResults.COMMAND;
    }

    @Override
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        Map<String, OverheadResults.Run> newest = OverheadResults.newestPerBackend(results);
        List<OverheadResults.Run> withRates = newest.values().stream()
                .filter(run -> run.verified().stream().anyMatch(x -> x.crossingsPerSecond() > 0)).toList();
        OverheadResults.Run reference = withRates.stream().max(Comparator.comparing(r -> r.provenance().instant())).orElse(null);
        List<OverheadResults.Run> runs = withRates.stream().filter(r -> sameRun(r, reference)).toList();
        List<OverheadResults.Run> leftOut = withRates.stream().filter(r -> !sameRun(r, reference)).toList();
        if (runs.isEmpty()) {
            throw new MissingResults(subject(), "no complete " + results.name() + "/overhead-*.csv with crossings of a verified benchmark",
                    command());
        }
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> r.verified().stream().filter(x -> x.crossingsPerSecond() > 0).forEach(x -> names.add(x.benchmark())));
        List<String> benchmarks = List.copyOf(names);
        XYChart chart = Look.chart(HEIGHT, "Gate crossings per second of each benchmark, isolated build", "benchmark",
                "gate crossings per second (1/s, log scale)");
        List<Double> all = new ArrayList<>();
        runs.forEach(r -> r.verified().forEach(x -> all.add(x.crossingsPerSecond())));
        Look.logY(chart, all);
        Look.categories(chart, benchmarks);
        PointLayer layer = Look.layer(chart, runs.size());
        List<Caption.Source> sources = new ArrayList<>();
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            OverheadResults.Run run = runs.get(k);
            Mark mark = Backends.mark(run.backend(), k);
            double slot = k - (runs.size() - 1) / 2.0;
            for (int i = 0; i < benchmarks.size(); i++) {
                String b = benchmarks.get(i);
                double rate = run.verified().stream().filter(x -> x.benchmark().equals(b)).mapToDouble(OverheadResults.Row::crossingsPerSecond)
                        .filter(x -> x > 0).findFirst().orElse(Double.NaN);
                if (!Double.isNaN(rate)) {
                    layer.value(i, rate, Double.NaN, Double.NaN, mark, slot, null);
                }
            }
            legend.add(Canvas.LegendEntry.point("isolated (" + run.backend() + ")", mark));
            sources.add(new Caption.Source(run.origin(), run.backend() + " vs none"));
        }
        String left = leftOut.isEmpty() ? "" : " Left out, being of another commit or machine than the newest run: "
                + String.join(", ", leftOut.stream().map(r -> "`" + r.origin().shown() + "` (" + r.backend() + ", commit "
                + r.provenance().commit() + ")").toList()) + ".";
        Caption caption = new Caption("Gate crossings per second of each benchmark",
                "Gate crossings (user to kernel system calls plus kernel to unsafe-kernel calls) per second of wall-clock run of each"
                        + " benchmark on the isolated build, log scale, one point per backend with a complete `./mpk reproduce` run of the"
                        + " same commit and machine. The files give no interval for the rate, so none is drawn. A benchmark's slowdown is"
                        + " roughly its crossing rate times the cost of one crossing (see the gate-cost and sweep figures)." + left,
                sources);
        return List.of(new Drawing("crossings", Canvas.of(chart, legend, caption.footer()), caption));
    }

    /** Whether {@code run} is of the same commit and machine as {@code reference}. */
    private static boolean sameRun(OverheadResults.Run run, OverheadResults.Run reference) {
        return reference != null && run.provenance().commit().equals(reference.provenance().commit())
                && run.provenance().where().equals(reference.provenance().where());
    }
}
