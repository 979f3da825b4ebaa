package mpkernel.results;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The intervals both sides compute, against published or independently computed values. */
class StatisticsTest {

    /**
     * Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
     * methods", Statistics in Medicine 17 (1998) 857-872, Table I, method 3 (Wilson score
     * interval without continuity correction), to the four decimals printed there.
     */
    @Test
    void wilsonMatchesNewcombesTable() {
        assertWilson(81, 263, 0.2553, 0.3662);
        assertWilson(15, 148, 0.0624, 0.1605);
        assertWilson(0, 20, 0.0, 0.1611);
        assertWilson(1, 29, 0.0061, 0.1718);
        assertWilson(29, 29, 0.8830, 1.0);
    }

    @Test
    void wilsonAtTheEndsStaysInsideAndWithoutTrialsIsNaN() {
        WilsonInterval none = WilsonInterval.of(0, 1000);
        assertEquals(0.0, none.low());
        assertTrue(none.high() > 0 && none.high() < 0.004, "0 of 1000 is at most 0.38%");
        assertEquals(1.0, WilsonInterval.of(1000, 1000).high());
        assertEquals(0.5, WilsonInterval.of(5, 10).share());
        assertTrue(Double.isNaN(WilsonInterval.of(0, 0).low()));
        assertTrue(Double.isNaN(WilsonInterval.of(0, 0).share()));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
    }

    /** The closed forms: n / (n + z²) at n of n, and the symmetric interval at one half. */
    @Test
    void wilsonMatchesTheFormula() {
        assertEquals(1000 / (1000 + 1.959963984540054 * 1.959963984540054), WilsonInterval.of(1000, 1000).low(), 1e-12);
        WilsonInterval half = WilsonInterval.of(50, 100);
        assertEquals(0.4038, half.low(), 1e-4);
        assertEquals(0.5962, half.high(), 1e-4);
        assertEquals(1.0, half.low() + half.high(), 1e-12);
    }

    /** The values scipy.stats.ttest_ind(isolated, vanilla, equal_var=False).confidence_interval(0.95) gives. */
    @Test
    void welchMatchesScipy() {
        WelchDifference d = WelchDifference.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(2.0, 4.0, 6.0, 8.0, 10.0));
        assertEquals(3.0, d.difference(), 1e-12);
        assertEquals(-0.887741643736975, d.low(), 1e-9);
        assertEquals(6.887741643736975, d.high(), 1e-9);
        assertFalse(d.resolved(), "the interval includes zero: no effect claimed");

        WelchDifference e = WelchDifference.of(List.of(10.1, 10.3, 9.9, 10.0, 10.2, 10.1), List.of(12.0, 12.4, 11.8, 12.1, 12.3));
        assertEquals(1.7258852170581824, e.low(), 1e-9);
        assertEquals(2.3141147829418203, e.high(), 1e-9);
        assertTrue(e.resolved());
        assertEquals(e.difference() / 10.1, e.relative(), 1e-12);
    }

    @Test
    void welchWithoutTwoIterationsASideHasNoInterval() {
        WelchDifference d = WelchDifference.of(List.of(1.0), List.of(2.0, 3.0));
        assertEquals(1.5, d.difference(), 1e-12);
        assertTrue(Double.isNaN(d.low()) && Double.isNaN(d.high()));
        assertFalse(d.resolved());
    }

    private static void assertWilson(long k, long n, double low, double high) {
        WilsonInterval w = WilsonInterval.of(k, n);
        assertEquals(low, w.low(), 0.00005, k + "/" + n + " low");
        assertEquals(high, w.high(), 0.00005, k + "/" + n + " high");
    }
}
