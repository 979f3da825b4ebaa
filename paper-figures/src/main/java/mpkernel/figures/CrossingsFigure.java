package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.CategoryChart;

/**
 * Gate crossings per second of each macrobenchmark on the isolated build, one bar per backend
 * that has a complete overhead run: how often a benchmark pays for a gate, which is what its
 * slowdown is made of.
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
    public List<Drawing> draw(Path results) throws IOException, MissingResults {
        Map<String, OverheadResults.Run> runs = OverheadResults.newestPerBackend(results);
        Set<String> names = new LinkedHashSet<>();
        runs.values().forEach(r -> r.verified().stream().filter(x -> x.crossingsPerSecond() > 0)
                .forEach(x -> names.add(x.benchmark())));
        if (names.isEmpty()) {
            throw new MissingResults(subject(), "no complete " + results.getFileName() + "/overhead-*.csv with crossings of a verified benchmark",
                    command());
        }
        List<String> benchmarks = List.copyOf(names);
        CategoryChart chart = Look.bars(HEIGHT, "Gate crossings per second of each benchmark, isolated build", "benchmark",
                "gate crossings per second (1/s, log scale)");
        Look.tiltLabels(chart);
        List<Caption.Source> sources = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        int k = 0;
        for (OverheadResults.Run run : runs.values()) {
            List<Double> rates = new ArrayList<>();
            for (String b : benchmarks) {
                double rate = run.verified().stream().filter(x -> x.benchmark().equals(b)).mapToDouble(OverheadResults.Row::crossingsPerSecond)
                        .filter(x -> x > 0).findFirst().orElse(Double.NaN);
                rates.add(rate); // NaN: no bar
            }
            if (rates.stream().allMatch(r -> r.isNaN())) {
                continue;
            }
            all.addAll(rates);
            Fill fill = Fill.nth(k);
            Look.fill(chart.addSeries(run.backend(), benchmarks, rates), fill);
            legend.add(Canvas.LegendEntry.bar("isolated (" + run.backend() + ")", fill));
            sources.add(new Caption.Source(run.file(), run.provenance(), run.backend() + " vs none"));
            k++;
        }
        Look.logAxis(chart, all);
        Caption caption = new Caption("Gate crossings per second of each benchmark",
                "Gate crossings (user to kernel system calls plus kernel to unsafe-kernel calls) per second of wall-clock run of each"
                        + " benchmark on the isolated build, log scale, one bar per backend with a complete `./mpk reproduce` run."
                        + " A benchmark's slowdown is roughly its crossing rate times the cost of one crossing (see the gate-cost figure).",
                sources);
        return List.of(new Drawing("crossings", Canvas.of(chart, legend, caption.footer()), caption));
    }
}
