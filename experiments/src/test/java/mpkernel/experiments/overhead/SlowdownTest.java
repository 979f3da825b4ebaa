package mpkernel.experiments.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimator on synthetic pairs whose true slowdown is known. */
class SlowdownTest {

    /** {@code n} pairs: vanilla times around 1 s with drift and noise, isolated = vanilla x (1 + effect) x noise. */
    private static List<List<Double>> pairs(int n, double effect, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Double> v = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double machine = 1 + 0.2 * Math.sin(k);          // the machine drifts between pairs
            v.add(machine * Math.exp(noise * r.nextGaussian()));
            s.add(machine * (1 + effect) * Math.exp(noise * r.nextGaussian()));
        }
        return List.of(v, s);
    }

    @Test
    void aKnownSlowdownIsRecoveredInsideItsInterval() {
        int covered = 0;
        for (long seed = 1; seed <= 200; seed++) {
            List<List<Double>> p = pairs(15, 0.05, 0.02, seed);
            Slowdown s = Slowdown.of(p.get(0), p.get(1), 0.01);
            covered += s.ciLow() <= 0.05 && 0.05 <= s.ciHigh() ? 1 : 0;
        }
        // a 95% interval covers the truth about 95% of the time
        assertTrue(covered >= 180 && covered <= 200, "coverage " + covered + "/200");
        Slowdown one = Slowdown.of(pairs(15, 0.05, 0.02, 7).get(0), pairs(15, 0.05, 0.02, 7).get(1), 0.01);
        assertEquals(Slowdown.Verdict.SLOWER, one.verdict(), one.toString());
        assertTrue(one.pValue() < 0.05 && one.significant());
    }

    @Test
    void noEffectIsShownEquivalentWithEnoughPairs() {
        List<List<Double>> p = pairs(15, 0.0, 0.005, 3);
        Slowdown s = Slowdown.of(p.get(0), p.get(1), 0.01);
        assertEquals(Slowdown.Verdict.EQUIVALENT, s.verdict(), s.toString());
        assertTrue(s.tostP() < 0.05);
        // the same data with a margin far inside the noise cannot be shown equivalent
        assertEquals(Slowdown.Verdict.INCONCLUSIVE, Slowdown.of(p.get(0), p.get(1), 0.0001).verdict());
    }

    @Test
    void theIntervalThePValueAndTheTimesComeFromOneEstimator() {
        for (long seed = 1; seed <= 50; seed++) {
            List<List<Double>> p = pairs(6, 0.01 * (seed % 5), 0.03, seed);
            Slowdown s = Slowdown.of(p.get(0), p.get(1), 0.01);
            boolean excludesZero = s.ciLow() > 0 || s.ciHigh() < 0;
            assertEquals(excludesZero, s.significant(), "p < 0.05 exactly when the 95% interval excludes 0: " + s);
            // the printed times are the geometric means, and their ratio is the slowdown
            assertEquals(s.slowdown(), s.isolatedSeconds() / s.vanillaSeconds() - 1, 1e-12);
            assertTrue(s.isolatedSeconds() > s.vanillaSeconds() == s.slowdown() > 0);
        }
    }

    @Test
    void fewPairsGiveNoInterval() {
        Slowdown s = Slowdown.of(List.of(2.0), List.of(3.0), 0.01);
        assertEquals(0.5, s.slowdown(), 1e-12);
        assertTrue(Double.isNaN(s.ciLow()) && Double.isNaN(s.pValue()));
        assertEquals(Slowdown.Verdict.INCONCLUSIVE, s.verdict());
        assertThrows(IllegalArgumentException.class, () -> Slowdown.of(List.of(), List.of(), 0.01));
    }

    @Test
    void theSuiteBootstrapRecoversTheMeanAndIsReproducible() {
        List<double[]> benchmarks = new ArrayList<>();
        for (long b = 0; b < 10; b++) {
            List<List<Double>> p = pairs(15, 0.02, 0.01, 100 + b);
            double[] d = new double[15];
            for (int k = 0; k < 15; k++) {
                d[k] = Math.log(p.get(1).get(k) / p.get(0).get(k));
            }
            benchmarks.add(d);
        }
        SuiteSlowdown s = SuiteSlowdown.of(benchmarks, 0.01);
        assertTrue(s.ciLow() < 0.02 && 0.02 < s.ciHigh(), s.toString());
        assertFalse(s.equivalent(), "2% is outside a 1% margin");
        assertEquals(s, SuiteSlowdown.of(benchmarks, 0.01), "seeded");
        assertTrue(SuiteSlowdown.of(benchmarks, 0.05).equivalent(), "inside a 5% margin");
    }
}
