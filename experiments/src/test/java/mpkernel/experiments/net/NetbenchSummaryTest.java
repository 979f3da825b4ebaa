package mpkernel.experiments.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import mpkernel.experiments.overhead.Slowdown;
import mpkernel.isolation.Backend;
import org.junit.jupiter.api.Test;

/** The estimators of netbench: means over repetitions, paired slowdowns from rates, crossings by difference, the targets. */
class NetbenchSummaryTest {

    @Test
    void meanHasTheStudentTIntervalAndLeavesFailedRepetitionsOut() {
        RepMean m = RepMean.of(List.of(10.0, 12.0, Double.NaN, 14.0));
        assertEquals(3, m.n());
        assertEquals(12.0, m.mean(), 1e-12);
        // sd 2, n 3: half width t(0.975, 2) * 2 / sqrt 3 = 4.302653 * 1.154701
        assertEquals(12.0 - 4.968275, m.ciLow(), 1e-5);
        assertEquals(12.0 + 4.968275, m.ciHigh(), 1e-5);
        RepMean one = RepMean.of(List.of(5.0));
        assertEquals(5.0, one.mean());
        assertTrue(Double.isNaN(one.ciLow()), "one value has no interval");
        assertEquals(0, RepMean.of(List.of(Double.NaN)).n());
    }

    @Test
    void slowdownFromRatesIsTheLogRatioOfTimePerUnit() {
        // the backend does half the none rate in every repetition: twice the time per byte, slowdown +100%
        Slowdown d = RateSlowdown.of(List.of(100.0, 200.0, 400.0), List.of(50.0, 100.0, 200.0));
        assertEquals(1.0, d.slowdown(), 1e-12);
        assertEquals(1.0, d.ciLow(), 1e-9, "identical ratios: a zero-width interval");
        assertEquals(3, d.pairs());
        // pairs with a failure on either side are left out; what is left pairs k with k
        Slowdown partial = RateSlowdown.of(List.of(100.0, Double.NaN, 100.0), List.of(80.0, 90.0, 125.0));
        assertEquals(2, partial.pairs());
        assertEquals(Math.exp((Math.log(100 / 80.0) + Math.log(100 / 125.0)) / 2) - 1, partial.slowdown(), 1e-12);
        assertNull(RateSlowdown.of(List.of(Double.NaN), List.of(1.0)));
    }

    @Test
    void crossingsByDifferenceCancelTheFixedPart() {
        // 1000 crossings to boot and accept, 3 per GET: 100 GETs give 1300, 2100 GETs give 7300
        assertEquals(3.0, Crossings.slope(1300, 7300, 100, 2100), 1e-12);
    }

    @Test
    void rotationGivesEveryoneEachPlace() {
        NetbenchPlan plan = NetbenchPlan.of(List.of(Backend.MPK_DRY, Backend.MPROTECT), 0, false);
        assertEquals(List.of("none", "mpk-dry", "mprotect", "linux"), plan.order(0));
        assertEquals(List.of("mpk-dry", "mprotect", "linux", "none"), plan.order(1));
        assertEquals(List.of("linux", "none", "mpk-dry", "mprotect"), plan.order(3));
        assertEquals(17, plan.sizes().size());
        assertEquals(1, plan.sizes().getFirst());
        assertEquals(65536, plan.sizes().getLast());
        assertEquals(3, plan.reps());
    }

    @Test
    void targetsAreJudgedFromTheNumbers() {
        NetbenchPlan plan = new NetbenchPlan(List.of(Backend.NONE, Backend.MPK_DRY), 2, List.of(512, 1024, 65536), 1, 1, 1, 1, 1, 1,
                new int[] {1, 2}, new long[] {1, 2}, 1, true);
        Observations data = new Observations(2);
        for (int rep = 0; rep < 2; rep++) {
            data.rate(Observations.stream(512), "none", rep, 100);
            data.rate(Observations.stream(512), "mpk-dry", rep, 50); // below 1 KiB: not judged
            data.rate(Observations.stream(1024), "none", rep, 100);
            data.rate(Observations.stream(1024), "mpk-dry", rep, 97);
            data.rate(Observations.stream(65536), "none", rep, 600);
            data.rate(Observations.stream(65536), "mpk-dry", rep, 590);
            data.rate(Observations.stream(65536), "linux", rep, 1000);
        }
        NetbenchResult r = new NetbenchResult(plan, data, Map.of("mpk-dry", new Crossings("mpk-dry", 4.5, 700, 16384)), List.of(), true);
        Map<String, Target> t = new java.util.HashMap<>();
        Target.of(r).forEach(x -> t.put(x.name(), x));
        assertTrue(t.get("none-vs-linux-64k").met(), t.get("none-vs-linux-64k").detail());
        assertTrue(t.get("none-vs-linux-64k").detail().contains("60.0% of Linux"), t.get("none-vs-linux-64k").detail());
        assertTrue(t.get("mpk-dry-within-5pct").met(), t.get("mpk-dry-within-5pct").detail());
        assertFalse(t.get("get-crossings").met(), "4.5 crossings per GET is over 4");

        data.rate(Observations.stream(1024), "mpk-dry", 1, 80);
        Target dry = Target.of(r).get(1);
        assertFalse(dry.met(), dry.detail());
        assertTrue(dry.detail().contains("1024 B") && dry.detail().contains("(outside)"), dry.detail());

        NetbenchResult noLinux = new NetbenchResult(plan, new Observations(2), Map.of(), List.of(), true);
        assertNull(Target.of(noLinux).getFirst().met(), "nothing measured: neither met nor missed");
        assertEquals("not measured", Target.of(noLinux).get(2).verdict());
    }
}
