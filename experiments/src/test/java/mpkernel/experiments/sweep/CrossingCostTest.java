package mpkernel.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import mpkernel.isolation.Backend;
import org.junit.jupiter.api.Test;

/** The cost-per-crossing fit on synthetic sweeps whose true cost is known. */
class CrossingCostTest {

    /** A sweep whose isolated runs pay {@code nanos} per crossing plus a constant, with noise of {@code noise} seconds. */
    static List<SweepStep> synthetic(double nanos, double constant, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<SweepStep> steps = new ArrayList<>();
        for (long every : SweepPlan.FULL) {
            double crossings = 1_000_000.0 / every;
            List<Double> v = new ArrayList<>();
            List<Double> i = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                double base = 0.5 + noise * r.nextGaussian();
                v.add(base);
                i.add(base + constant + crossings * nanos * 1e-9 + noise * r.nextGaussian());
                c.add(crossings);
            }
            steps.add(new SweepStep(Backend.MPK_DRY, every, v, i, c, true));
        }
        return steps;
    }

    @Test
    void aKnownCostIsRecoveredInsideItsInterval() {
        CrossingCost cost = CrossingCost.of(synthetic(40, 0.003, 0.002, 1));
        assertTrue(cost.ciLow() <= 40 && 40 <= cost.ciHigh(), cost.toString());
        assertTrue(cost.detected(), cost.toString());
        assertEquals(SweepPlan.FULL.size() * 5, cost.points());
    }

    @Test
    void noCostIsNotDetected() {
        CrossingCost cost = CrossingCost.of(synthetic(0, 0.003, 0.002, 2));
        assertFalse(cost.detected(), cost.toString());
        assertTrue(cost.ciLow() < 0 && cost.ciHigh() > 0, cost.toString());
    }

    @Test
    void theReportStatesAnUpperBoundWhenNothingIsDetected() {
        SweepPlan plan = SweepPlan.of(List.of(Backend.MPK_DRY), "spmv", "clock", 5, false);
        JmhCrossingCosts jmh = new JmhCrossingCosts(Path.of("bench-20260101-000000.json"), Map.of("mpk-dry", 6.0), Map.of("mpk-dry", 0.1));
        SweepReport report = new SweepReport(Map.of(), plan, Optional.of(jmh), 0.01);
        CrossingCost none = CrossingCost.of(synthetic(0, 0, 0.002, 3));
        String verdict = report.verdict(Backend.MPK_DRY, none);
        assertTrue(verdict.contains("at most") && verdict.contains("half-width"), verdict);
        String inside = report.verdict(Backend.MPK_DRY, new CrossingCost(0.4, -3.3, 8.0, 0.1, 100));
        assertTrue(inside.contains("5.7 ns (the interval's half-width)") && inside.contains("inside the interval: consistent"), inside);
        String below = report.verdict(Backend.MPK_DRY, new CrossingCost(-5.4, -10.9, 0.0, 0.1, 100));
        assertTrue(below.contains("at most 0.0 ns") && below.contains("above the interval: DISAGREES"), below);
        CrossingCost agrees = CrossingCost.of(synthetic(9, 0, 0.0005, 4));
        assertTrue(report.verdict(Backend.MPK_DRY, agrees).contains("agrees within 2x"), report.verdict(Backend.MPK_DRY, agrees));
        CrossingCost far = CrossingCost.of(synthetic(60, 0, 0.0005, 5));
        assertTrue(report.verdict(Backend.MPK_DRY, far).contains("DISAGREES"), report.verdict(Backend.MPK_DRY, far));
    }
}
