package mpkernel.experiments.overhead;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistics, against values worked out by hand. */
class SlowdownTest {

    @Test
    void pairedRatiosWithStudentInterval() {
        // ratios 1.10, 1.20, 1.30: mean 1.2, sd 0.1, n 3, t(2, 0.975) = 4.302653
        Slowdown s = Slowdown.of(List.of(1.0, 2.0, 10.0), List.of(1.1, 2.4, 13.0));
        assertEquals(0.2, s.slowdown(), 1e-12);
        double half = 4.302652729911275 * 0.1 / Math.sqrt(3);
        assertEquals(0.2 - half, s.ciLow(), 1e-9);
        assertEquals(0.2 + half, s.ciHigh(), 1e-9);
        assertEquals(3, s.pairs());
        // paired t on differences 0.1, 0.4, 3.0: mean 1.1667, sd 1.5948, t = 1.2671, df 2 -> p = 0.3324
        assertEquals(0.3324, s.pValue(), 1e-3);
        assertFalse(s.significant());
    }

    @Test
    void aConsistentSlowdownIsSignificant() {
        Slowdown s = Slowdown.of(List.of(1.00, 1.01, 0.99, 1.00, 1.02), List.of(1.10, 1.12, 1.08, 1.11, 1.12));
        assertTrue(s.significant());
        assertTrue(s.ciLow() > 0.05 && s.ciHigh() < 0.15, s.toString());
    }

    @Test
    void onePairHasNoInterval() {
        Slowdown s = Slowdown.of(List.of(2.0), List.of(3.0));
        assertEquals(0.5, s.slowdown(), 1e-12);
        assertTrue(Double.isNaN(s.ciLow()) && Double.isNaN(s.pValue()));
        assertThrows(IllegalArgumentException.class, () -> Slowdown.of(List.of(), List.of()));
    }

    @Test
    void identicalTimesAreNoSlowdown() {
        Slowdown s = Slowdown.of(List.of(1.0, 2.0), List.of(1.0, 2.0));
        assertEquals(0, s.slowdown(), 0);
        assertEquals(1, s.pValue(), 0);
    }

    @Test
    void arithmeticAndGeometricMeans() {
        List<Slowdown> all = List.of(Slowdown.of(List.of(1.0), List.of(1.5)), Slowdown.of(List.of(1.0), List.of(0.5)));
        assertEquals(0.0, Slowdown.arithmeticMean(all), 1e-12); // +50% and -50%
        assertEquals(Math.sqrt(1.5 * 0.5) - 1, Slowdown.geometricMean(all), 1e-12);
    }

    @Test
    void projectionIsCrossingsTimesRoundTripOverRunTime() {
        Projection p = new Projection(6.0, 10, 100, 2.0); // round trip 6 + 2*10/2 = 16 ns .. 6 + 2*100/2 = 106 ns
        assertEquals(16.0, p.roundTripNs(false), 1e-12);
        assertEquals(106.0, p.roundTripNs(true), 1e-12);
        assertEquals(1e6 * 16e-9 / 2.0, p.slowdown(1e6, 2.0, false), 1e-15);
    }
}
