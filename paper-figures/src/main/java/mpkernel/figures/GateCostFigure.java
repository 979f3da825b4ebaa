package mpkernel.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import mpkernel.results.BadResultFile;
import mpkernel.results.JmhResult;
import org.knowm.xchart.XYChart;

/**
 * The cost of one gate round trip (enter {@code UNSAFE_KERNEL} and leave it, empty body) per
 * backend: a point with JMH's error as its interval on a log axis, labelled with its value, and
 * the measured floor (two bare critical downcalls) as a dashed line: what an {@code mpk}
 * crossing cannot go below on this JVM.
 */
final class GateCostFigure implements Figure {

    static final Mark ROUND_TRIP = new Mark(Mark.Form.CIRCLE, Mark.Tone.BLACK);

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
    public List<Drawing> draw(ResultsFolder results) throws BadResultFile, MissingResults {
        BenchResults.Run run = BenchResults.newestWith(results, BenchMapping::isRoundTrip).orElseThrow(() -> new MissingResults(
                subject(), "no " + results.name() + "/bench-*.json with gate round-trip scores", command()));
        List<JmhResult> trips = run.select(BenchMapping::isRoundTrip).stream()
                .sorted(Comparator.comparing(BenchMapping::backend, Backends.ORDERING)).toList();
        Optional<JmhResult> floor = run.select(BenchMapping::isFloor).stream().findFirst();
        List<String> backends = trips.stream().map(BenchMapping::backend).toList();

        XYChart chart = Look.chart(HEIGHT, "Gate round trip per backend", "backend", "time per round trip (ns, log scale)");
        List<Double> range = new ArrayList<>();
        // NaN where JMH gave no error: no interval, and nothing for the range.
        trips.forEach(s -> range.addAll(List.of(s.score(), s.score() + s.error(), s.score() - s.error())));
        floor.ifPresent(f -> range.add(f.score()));
        Look.logY(chart, range);
        Look.categories(chart, backends);
        PointLayer layer = Look.layer(chart, 1);
        floor.ifPresent(f -> layer.guide(false, f.score(), Look.DASHED, "floor " + Text.nanos(f.score())));
        for (int i = 0; i < trips.size(); i++) {
            JmhResult s = trips.get(i);
            layer.value(i, s.score(), s.score() - s.error(), s.score() + s.error(), ROUND_TRIP, 0, Text.nanos(s.score()));
        }
        List<Canvas.LegendEntry> legend = new ArrayList<>();
        legend.add(Canvas.LegendEntry.interval("gate round trip into UNSAFE_KERNEL and back, empty body, ± JMH's 99.9% error", ROUND_TRIP));
        floor.ifPresent(f -> legend.add(Canvas.LegendEntry.line("measured floor, two bare critical downcalls: " + Text.nanos(f.score()), Look.DASHED)));

        StringBuilder values = new StringBuilder();
        for (JmhResult s : trips) {
            values.append(values.isEmpty() ? "" : ", ").append('`').append(BenchMapping.backend(s)).append("` ");
            values.append(Double.isNaN(s.error()) ? Text.nanos(s.score()) + " (no error: too few iterations)"
                    : Text.nanos(s.score()).replace(" ns", "") + " ± " + Text.nanos(s.error()));
        }
        Caption caption = new Caption("Gate round trip per backend",
                "Time in nanoseconds (log scale) of one gate round trip into UNSAFE_KERNEL and back with an empty body, the"
                        + " artifact's `isolation_start!`/`isolation_end!`, per backend (`none` is the vanilla build, whose gate only runs"
                        + " its body): JMH's score, with JMH's 99.9% error as the interval (an arrowhead where it reaches below the axis). "
                        + floor.map(f -> "The dashed line is the measured floor, " + Text.nanos(f.score()) + ": two bare critical"
                        + " downcalls to a stub that does nothing, what an `mpk` round trip is made of before its bookkeeping and"
                        + " before WRPKRU/LFENCE themselves. ").orElse("The floor (`" + BenchMapping.floorName()
                        + "`) is not in this result file. ")
                        + "Here: " + values + ".",
                List.of(new Caption.Source(run.origin(), String.join(", ", backends))));
        return List.of(new Drawing("gate-cost", Canvas.of(chart, legend, caption.footer()), caption));
    }
}
