package mpkernel.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mpkernel.results.JmhResult;
import mpkernel.results.WelchDifference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived figures and the printed table, on numbers chosen so every result is known. */
class BenchReportTest {

    private static JmhResult r(String bench, String backend, Long size, double score, double error) {
        return r(bench, backend, size, score, error, List.of());
    }

    private static JmhResult r(String bench, String backend, Long size, double score, List<Double> samples) {
        return r(bench, backend, size, score, Double.NaN, samples);
    }

    /** A result as the bench file holds it: the package in its name, backend and size (domains, region) as JMH parameters. */
    private static JmhResult r(String bench, String backend, Long size, double score, double error, List<Double> samples) {
        Map<String, String> params = new HashMap<>();
        if (backend != null) {
            params.put("backend", backend);
        }
        if (size != null) {
            params.put(bench.equals(BenchReport.ACTIVE_DOMAINS) ? "domains"
                    : bench.equals(BenchReport.KEY_HIT) || bench.equals(BenchReport.KEY_MISS) ? "region" : "size", size.toString());
        }
        return new JmhResult("mpkernel.bench." + bench, params, score, error, "ns/op", samples);
    }

    private static final List<JmhResult> RUN = List.of(
            r(BenchReport.ROUND_TRIP, "mprotect", null, 2000.0, 40.0),
            r(BenchReport.FLOOR, null, null, 5.0, 0.1),
            r(BenchReport.ROUND_TRIP, "none", null, 0.5, 0.01),
            r(BenchReport.ROUND_TRIP, "mpk-dry", null, 5.4, 0.11),
            r("NullSyscallBench.getpid", "none", null, 2.0, 0.1),
            r("NullSyscallBench.getpid", "mpk-dry", null, 9.0, 0.2),
            r(BenchReport.WRITE_BYTES, "none", 1L, 2.0, List.of(2.0, 2.1, 1.9, 2.0)),
            r(BenchReport.WRITE_BYTES, "mpk-dry", 1L, 10.8, List.of(10.7, 10.9, 10.8, 10.8)),
            r(BenchReport.WRITE_BYTES, "mprotect", 1L, 4002.0, 50.0),
            r(BenchReport.WRITE_BYTES, "none", 4096L, 100.0, List.of(100.0, 98.0, 102.0, 100.0)),
            r(BenchReport.WRITE_BYTES, "mpk-dry", 4096L, 106.0, List.of(104.0, 108.0, 100.0, 112.0)),
            r(BenchReport.WRITE_BYTES, "mprotect", 4096L, 4100.0, 60.0),
            r(BenchReport.WRITE_BYTES, "none", 1L << 20, 30000.0, Double.NaN));

    @Test
    void gateRatioIsRoundTripOverFloorWithBothErrors() {
        BenchReport.Ratio g = new BenchReport(RUN).gateOverFloor("mpk-dry").orElseThrow();
        assertEquals(1.08, g.value(), 1e-12);
        assertEquals(1.08 * Math.hypot(0.11 / 5.4, 0.1 / 5.0), g.error(), 1e-12);
        assertEquals(400.0, new BenchReport(RUN).gateOverFloor("mprotect").orElseThrow().value(), 1e-12);
        assertTrue(new BenchReport(RUN).gateOverFloor("mpk").isEmpty(), "not measured");
        assertTrue(new BenchReport(RUN.subList(0, 1)).gateOverFloor("mprotect").isEmpty(), "no floor measured");
    }

    @Test
    void slowdownIsAgainstTheSameBenchmarkAndSizeOnNone() {
        BenchReport rep = new BenchReport(RUN);
        assertEquals(0.06, rep.slowdown(rep.find(BenchReport.WRITE_BYTES, "mpk-dry", 4096L).orElseThrow()).getAsDouble(), 1e-12);
        assertEquals(4.4, rep.slowdown(rep.find(BenchReport.WRITE_BYTES, "mpk-dry", 1L).orElseThrow()).getAsDouble(), 1e-12);
        assertEquals(2000.0, rep.slowdown(rep.find(BenchReport.WRITE_BYTES, "mprotect", 1L).orElseThrow()).getAsDouble(), 1e-12);
        assertTrue(rep.slowdown(rep.find(BenchReport.WRITE_BYTES, "none", 1L).orElseThrow()).isEmpty(), "vanilla has no slowdown");
        assertTrue(rep.slowdown(r(BenchReport.WRITE_BYTES, "mpk-dry", 64L, 9.0, 0.1)).isEmpty(), "no vanilla at that size");
    }

    @Test
    void tableListsFloorFirstThenVanillaBeforeIsolated() {
        List<String> lines = new BenchReport(RUN).render().lines().toList();
        assertTrue(lines.get(0).startsWith("benchmark"), lines.get(0));
        assertTrue(lines.get(1).matches("GateBench\\.floor +- +- +5\\.00 +0\\.10 *"), lines.get(1));
        assertTrue(lines.get(2).matches("GateBench\\.roundTrip +none +- +0\\.50 +0\\.01 +0\\.10x floor"), lines.get(2));
        assertTrue(lines.get(3).matches("GateBench\\.roundTrip +mpk-dry +- +5\\.40 +0\\.11 +1\\.08x floor"), lines.get(3));
        assertTrue(lines.get(4).matches("GateBench\\.roundTrip +mprotect +- +2000\\.0 +40\\.00 +400x floor"), lines.get(4));
        assertTrue(lines.get(5).matches("NullSyscallBench\\.getpid +none +- +2\\.00 +0\\.10 *"), lines.get(5));
        assertTrue(lines.get(6).matches("NullSyscallBench\\.getpid +mpk-dry +- +9\\.00 +0\\.20 +\\+7\\.00 ns vs none"), lines.get(6));
    }

    @Test
    void addedTimeGetsAPercentageOnlyOverAVanillaTimeWorthOne() {
        List<JmhResult> malloc = List.of(r("MallocBench.mallocFree", "none", 64L, 80.0, 1.0),
                r("MallocBench.mallocFree", "mpk-dry", 64L, 92.0, 1.0), r("MallocBench.mallocFree", "mprotect", 64L, 70.0, 1.0));
        List<String> lines = new BenchReport(malloc).render().lines().toList();
        assertTrue(lines.get(2).endsWith("  +12.00 ns (+15%) vs none"), lines.get(2));
        assertTrue(lines.get(3).endsWith("  -10.00 ns (-13%) vs none"), lines.get(3));
    }

    @Test
    void sweepShowsEverySizeWithDifferencesAndClaimsAPercentageOnlyOutsideTheNoise() {
        String out = new BenchReport(RUN).render();
        assertTrue(out.contains("write_bytes through the gate into UNSAFE_KERNEL"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" +size +none +mpk-dry +mprotect")), out);
        // 1 B: the iterations do not overlap, the difference is real
        assertTrue(out.lines().anyMatch(l -> l.matches(" +1 B +2\\.00 +10\\.80 \\+8\\.80 \\[\\+8\\.6\\d, \\+8\\.9\\d\\] \\(\\+440%\\) +4002\\.0 \\+4000\\.0 \\(n\\.s\\.\\)")), out);
        // 4 KB: +6 ns inside the noise of four iterations: no percentage
        assertTrue(out.lines().anyMatch(l -> l.matches(" +4 KB +100\\.0 +106\\.0 \\+6\\.00 \\[-\\d\\.\\d\\d, \\+1\\d\\.\\d\\d\\] \\(n\\.s\\.\\) +4100\\.0 \\+4000\\.0 \\(n\\.s\\.\\)")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" +1 MB +30000 +- +-")), out);
        assertTrue(out.contains("mpk-dry = the mpk gate path without the WRPKRU/LFENCE instructions"), out);
        assertTrue(out.contains("gate: mpk-dry round trip / floor = 1.08x ± 0.03 (target <= 1.1x: met)"), out);
        assertTrue(out.contains("syscall: mpk-dry getpid adds 7.00 ns over none, the round trip 5.40 ns (target <= round trip + 2 ns: met)"), out);
    }

    @Test
    void aDifferenceIntervalCoversAKnownShiftAboutNineteenTimesInTwenty() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int covered = 0;
        int resolvedWithoutShift = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            List<Double> v = new java.util.ArrayList<>();
            List<Double> i = new java.util.ArrayList<>();
            List<Double> same = new java.util.ArrayList<>();
            for (int k = 0; k < 10; k++) {
                v.add(100 + rnd.nextGaussian());
                i.add(103 + 2 * rnd.nextGaussian());
                same.add(100 + rnd.nextGaussian());
            }
            WelchDifference d = WelchDifference.of(v, i);
            covered += d.low() < 3 && 3 < d.high() ? 1 : 0;
            resolvedWithoutShift += WelchDifference.of(v, same).resolved() ? 1 : 0;
        }
        assertTrue(covered >= 0.91 * trials && covered <= 0.99 * trials, covered + " of " + trials);
        assertTrue(resolvedWithoutShift <= 0.09 * trials, resolvedWithoutShift + " of " + trials + " false effects");
    }

    @Test
    void unmetTargetIsSaid() {
        List<JmhResult> slow = List.of(r(BenchReport.FLOOR, null, null, 5.0, 0.1), r(BenchReport.ROUND_TRIP, "mpk-dry", null, 6.5, 0.1));
        assertTrue(new BenchReport(slow).render().contains("= 1.30x ± 0.03 (target <= 1.1x: NOT met)"));
    }

    @Test
    void theKeyCacheIsSummedUpInOneLineAndDomainsAreNotBytes() {
        List<JmhResult> run = List.of(
                r(BenchReport.ROUND_TRIP, "mpk-dry", null, 6.0, 0.1),
                r(BenchReport.KEY_HIT, "mpk-dry", 4096L, 9.0, 0.1),
                r(BenchReport.KEY_MISS, "mpk-dry", 1L << 20, 20000.0, 100),
                r(BenchReport.KEY_MISS, "mpk-dry", 4096L, 8000.0, 100),
                r(BenchReport.ACTIVE_DOMAINS, "mpk-dry", 64L, 7000.0, 100));
        String out = new BenchReport(run).render();
        assertTrue(out.contains("key cache: mpk-dry hit 9.00 ns (1.50x the pinned round trip), miss 8000.0 ns at 4 KB (two re-tags)"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("ActiveDomainsBench.roundTrip +mpk-dry +64 dom .*")), out);
    }

    @Test
    void unitsAndNumbers() {
        assertEquals("-", BenchReport.size(null));
        assertEquals("1 B", BenchReport.size(1L));
        assertEquals("1000 B", BenchReport.size(1000L));
        assertEquals("4 KB", BenchReport.size(4096L));
        assertEquals("64 KB", BenchReport.size(65536L));
        assertEquals("1 MB", BenchReport.size(1L << 20));
        assertEquals("n/a", BenchReport.num(Double.NaN));
        assertEquals("5.49", BenchReport.num(5.4949));
        assertEquals("123.5", BenchReport.num(123.45));
        assertEquals("80415", BenchReport.num(80415.4));
        assertEquals("+6.0%", BenchReport.percent(0.06));
        assertEquals("+440%", BenchReport.percent(4.4));
        assertEquals("-2.5%", BenchReport.percent(-0.025));
    }

    @Test
    void wrpkruIsTurnedIntoCyclesAtTheMeasuredClockElseAtTheReportedOne() {
        JmhResult wrpkru = r(BenchReport.WRPKRU, null, null, 25.0, 0.5);
        // 0.4 ns per dependent add: the cores ran at 2.5 GHz
        BenchReport measured = new BenchReport(List.of(wrpkru, r(BenchReport.CLOCK, null, null, 0.4, 0.001)), 3.0);
        assertEquals(62.5, measured.wrpkruCycles().orElseThrow(), 1e-9);
        assertTrue(measured.render().contains("hardware: WRPKRU+LFENCE alone 25.00 ± 0.50 ns = 63 cycles at 2.50 GHz (measured: ClockBench"),
                measured.render());

        BenchReport reported = new BenchReport(List.of(wrpkru), 3.0);
        assertEquals(75.0, reported.wrpkruCycles().orElseThrow(), 1e-9);
        assertTrue(reported.render().contains("= 75 cycles at 3.00 GHz (reported by /proc/cpuinfo, not measured)"), reported.render());

        assertTrue(new BenchReport(List.of(wrpkru)).wrpkruCycles().isEmpty(), "no clock, no cycles");
        assertTrue(new BenchReport(RUN, 3.0).render().lines().noneMatch(l -> l.startsWith("hardware:")), "no WRPKRU line without PKU");
    }
}
