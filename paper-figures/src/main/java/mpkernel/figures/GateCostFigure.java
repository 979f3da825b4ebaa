package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.knowm.xchart.CategoryChart;

/**
 * The cost of one gate round trip (enter {@code UNSAFE_KERNEL} and leave it, empty body) per
 * backend, light bars on a log axis (so that the line over them shows), each labelled with its
 * value, and the measured floor (two bare critical downcalls) as a dashed line: what an {@code mpk} crossing cannot go below on this JVM.
 */
final class GateCostFigure implements Figure {

    private static final int HEIGHT = 460;

    @Override
    public String subject() {
        return "gate cost";
    }

    @Override
    public String command() {
        return BenchMapping.COMMAND;
    }

    @Override
    public List<Drawing> draw(Path results) throws IOException, MissingResults {
        BenchResults.Run run = BenchResults.newestWith(results, BenchMapping::isRoundTrip).orElseThrow(() -> new MissingResults(
                subject(), "no " + results.getFileName() + "/bench-*.json with gate round-trip scores", command()));
        List<JmhScore> trips = run.select(BenchMapping::isRoundTrip).stream()
                .sorted(Comparator.comparing(BenchMapping::backend, Backends.ORDERING)).toList();
        Optional<JmhScore> floor = run.select(BenchMapping::isFloor).stream().findFirst();
        List<String> backends = trips.stream().map(BenchMapping::backend).toList();
        List<String> labels = trips.stream().map(s -> BenchMapping.backend(s) + " (" + Text.nanos(s.ns()) + ")").toList();
        List<Double> ns = trips.stream().map(JmhScore::ns).toList();

        CategoryChart chart = Look.bars(HEIGHT, "Gate round trip per backend", "backend (time per round trip)",
                "time per round trip (ns, log scale)");
        List<Double> range = new ArrayList<>(ns);
        floor.ifPresent(f -> range.add(f.ns()));
        Look.logAxis(chart, range);
        Look.fill(chart.addSeries("round trip", labels, ns), Fill.LIGHT);
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        legend.add(Canvas.LegendEntry.bar("gate round trip into UNSAFE_KERNEL and back, empty body", Fill.LIGHT));
        floor.ifPresent(f -> {
            Look.referenceLine(chart, f.ns());
            legend.add(Canvas.LegendEntry.line("measured floor, two bare critical downcalls: " + Text.nanos(f.ns()), Look.DASHED, null));
        });

        StringBuilder values = new StringBuilder();
        for (JmhScore s : trips) {
            values.append(values.isEmpty() ? "" : ", ").append('`').append(BenchMapping.backend(s)).append("` ");
            values.append(Double.isNaN(s.errorNs()) ? Text.nanos(s.ns())
                    : Text.nanos(s.ns()).replace(" ns", "") + " ± " + Text.nanos(s.errorNs()));
        }
        Caption caption = new Caption("Gate round trip per backend",
                "Time in nanoseconds (log scale) of one gate round trip into UNSAFE_KERNEL and back with an empty body, the"
                        + " artifact's `isolation_start!`/`isolation_end!`, per backend (`none` is the vanilla build, whose gate only runs"
                        + " its body). "
                        + floor.map(f -> "The dashed line is the measured floor, " + Text.nanos(f.ns()) + ": two bare critical"
                        + " downcalls to a stub that does nothing, what an `mpk` round trip is made of before its bookkeeping and"
                        + " before WRPKRU/LFENCE themselves. ").orElse("The floor (`" + BenchMapping.floorName()
                        + "`) is not in this result file. ")
                        + "Here (± JMH's 99.9% error): " + values + ".",
                List.of(new Caption.Source(run.file(), run.provenance(), String.join(", ", backends))));
        return List.of(new Drawing("gate-cost", Canvas.of(chart, legend, caption.footer()), caption));
    }
}
