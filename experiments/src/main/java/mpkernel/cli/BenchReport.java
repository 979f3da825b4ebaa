package mpkernel.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import mpkernel.results.JmhResult;
import mpkernel.results.WelchDifference;

/**
 * The console summary of a benchmark run, computed from JMH's results alone: one table of
 * scores, the {@code write_bytes} sweep as the paper plots it (isolated against vanilla per
 * size), and the derived ratios, chief among them {@code mpk-dry} over the floor, the gate's
 * own overhead.
 *
 * <p>Every number carries its backend. {@code mpk-dry} is named for what it is, the
 * {@code mpk} gate path without the WRPKRU/LFENCE instructions, never "mpk".
 */
final class BenchReport {

    static final String FLOOR = "GateBench.floor";
    static final String ROUND_TRIP = "GateBench.roundTrip";
    static final String WRITE_BYTES = "WriteBytesBench.writeBytes";
    static final String VANILLA = "none";
    static final String DRY = "mpk-dry";
    /** The target for {@code mpk-dry}'s round trip over the floor (issue 13). */
    static final double GATE_TARGET = 1.1;
    /** The target for a null system call's added time over the gate round trip, in ns (issue 13). */
    static final double SYSCALL_TARGET_NS = 2.0;
    static final String NULL_SYSCALL = "NullSyscallBench.getpid";
    static final String WRPKRU = "WrpkruBench.wrpkruLfence";
    static final String CLOCK = "ClockBench.dependentAdd";
    /** How a {@code write_bytes} difference and its interval are made ({@link WelchDifference}), for the table. */
    static final String ESTIMATOR = "isolated - none, mean of the measured iterations, Welch t 95% CI";
    static final String KEY_HIT = "KeyCacheBench.hit";
    static final String KEY_MISS = "KeyCacheBench.miss";
    /** Its {@code size} column holds the number of domains in use, not bytes. */
    static final String ACTIVE_DOMAINS = "ActiveDomainsBench.roundTrip";

    private final List<JmhResult> results;
    private final double reportedGhz;

    /** A report whose cycles come from {@link #CLOCK} only. */
    BenchReport(List<JmhResult> results) {
        this(results, Double.NaN);
    }

    /** A report that falls back on {@code reportedGhz} (the clock the OS reports) where {@link #CLOCK} did not run. */
    BenchReport(List<JmhResult> results, double reportedGhz) {
        this.results = List.copyOf(results);
        this.reportedGhz = reportedGhz;
    }

    /** A CPU clock rate, and whether this run measured it or the OS reported it. */
    record Clock(double ghz, boolean measured) {
        String describe() {
            return String.format(Locale.ROOT, "%.2f GHz (%s)", ghz, measured
                    ? "measured: ClockBench, a chain of dependent adds of one cycle each"
                    : "reported by /proc/cpuinfo, not measured");
        }
    }

    /** The clock that turns nanoseconds into cycles: measured by {@link #CLOCK} if it ran, else the reported one. */
    Optional<Clock> clock() {
        Optional<JmhResult> add = find(CLOCK, null, null);
        if (add.isPresent() && add.get().score() > 0) {
            return Optional.of(new Clock(1 / add.get().score(), true));
        }
        return reportedGhz > 0 ? Optional.of(new Clock(reportedGhz, false)) : Optional.empty();
    }

    /** WRPKRU+LFENCE in cycles, at {@link #clock()}, if both are known. */
    OptionalDouble wrpkruCycles() {
        Optional<JmhResult> w = find(WRPKRU, null, null);
        Optional<Clock> c = clock();
        return w.isPresent() && c.isPresent() ? OptionalDouble.of(w.get().score() * c.get().ghz()) : OptionalDouble.empty();
    }

    /** A ratio and its uncertainty (the two relative errors added in quadrature). */
    record Ratio(double value, double error) {
        static Ratio of(JmhResult num, JmhResult den) {
            double v = num.score() / den.score();
            double rel = Math.hypot(num.error() / num.score(), den.error() / den.score());
            return new Ratio(v, Double.isNaN(rel) ? Double.NaN : v * rel);
        }
    }

    /** The result of {@code benchmark} with {@code backend} and {@code size} ({@code null} = none such). */
    Optional<JmhResult> find(String benchmark, String backend, Long size) {
        return results.stream().filter(r -> r.shortName().equals(benchmark)
                && Objects.equals(r.backend(), backend) && Objects.equals(r.size(), size)).findFirst();
    }

    /** {@code backend}'s gate round trip over the floor, if both were measured. */
    Optional<Ratio> gateOverFloor(String backend) {
        Optional<JmhResult> floor = find(FLOOR, null, null);
        Optional<JmhResult> trip = find(ROUND_TRIP, backend, null);
        return floor.isPresent() && trip.isPresent() ? Optional.of(Ratio.of(trip.get(), floor.get())) : Optional.empty();
    }

    /** {@code backend}'s null system call time added over none, and its round trip: {added, roundTrip}, if measured. */
    Optional<double[]> syscallOverRoundTrip(String backend) {
        Optional<JmhResult> v = find(NULL_SYSCALL, VANILLA, null);
        Optional<JmhResult> i = find(NULL_SYSCALL, backend, null);
        Optional<JmhResult> trip = find(ROUND_TRIP, backend, null);
        if (v.isEmpty() || i.isEmpty() || trip.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {i.get().score() - v.get().score(), trip.get().score()});
    }

    /**
     * The key cache in one line, where {@code mpk-dry} hits and misses were measured: a hit
     * over the pinned round trip, and a miss (two re-tags) at the smallest region size.
     */
    Optional<String> keyCache() {
        Optional<JmhResult> hit = results.stream().filter(r -> r.shortName().equals(KEY_HIT) && DRY.equals(r.backend()))
                .min(Comparator.comparing(JmhResult::size, Comparator.nullsFirst(Comparator.naturalOrder())));
        Optional<JmhResult> miss = results.stream().filter(r -> r.shortName().equals(KEY_MISS) && DRY.equals(r.backend()))
                .min(Comparator.comparing(JmhResult::size, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (hit.isEmpty() || miss.isEmpty()) {
            return Optional.empty();
        }
        String pinned = find(ROUND_TRIP, DRY, null).map(t -> String.format(Locale.ROOT, " (%.2fx the pinned round trip)",
                hit.get().score() / t.score())).orElse("");
        return Optional.of(String.format(Locale.ROOT, "key cache: mpk-dry hit %s ns%s, miss %s ns at %s (two re-tags)%n",
                num(hit.get().score()), pinned, num(miss.get().score()), size(miss.get().size())));
    }

    /** How much slower {@code r} is than the same benchmark on {@code none}: 0.06 means 6% slower. */
    OptionalDouble slowdown(JmhResult r) {
        if (r.backend() == null || r.backend().equals(VANILLA)) {
            return OptionalDouble.empty();
        }
        return find(r.shortName(), VANILLA, r.size())
                .map(v -> OptionalDouble.of(r.score() / v.score() - 1)).orElse(OptionalDouble.empty());
    }

    /** The whole summary, as printed after a run. */
    String render() {
        StringBuilder sb = new StringBuilder();
        List<JmhResult> main = results.stream().filter(r -> !r.shortName().equals(WRITE_BYTES))
                .sorted(ORDER).toList();
        if (!main.isEmpty()) {
            sb.append(String.format("%-28s %-9s %7s %11s %9s  %s%n", "benchmark", "backend", "size", "ns/op", "± error", "derived"));
            for (JmhResult r : main) {
                sb.append(String.format("%-28s %-9s %7s %11s %9s  %s%n", r.shortName(),
                        r.backend() == null ? "-" : r.backend(), r.shortName().equals(ACTIVE_DOMAINS) ? r.param("domains") + " dom" : size(r.size()),
                        num(r.score()), num(r.error()), derived(r)));
            }
        }
        String sweep = sweep();
        if (!sweep.isEmpty()) {
            sb.append(main.isEmpty() ? "" : "\n").append(sweep);
        }
        if (results.stream().anyMatch(r -> DRY.equals(r.backend()))) {
            sb.append("\nmpk-dry = the mpk gate path without the WRPKRU/LFENCE instructions (benchmark-only, protects nothing).\n");
        }
        gateOverFloor(DRY).ifPresent(g -> sb.append(String.format(
                "gate: mpk-dry round trip / floor = %.2fx ± %.2f (target <= %.1fx: %s)%n",
                g.value(), g.error(), GATE_TARGET, g.value() <= GATE_TARGET ? "met" : "NOT met")));
        find(WRPKRU, null, null).ifPresent(w -> sb.append(String.format(Locale.ROOT,
                "hardware: WRPKRU+LFENCE alone %s ± %s ns%s%n", num(w.score()), num(w.error()),
                clock().map(c -> String.format(Locale.ROOT, " = %.0f cycles at %s", wrpkruCycles().getAsDouble(), c.describe()))
                        .orElse(" (no clock known: no cycles)"))));
        keyCache().ifPresent(sb::append);
        syscallOverRoundTrip(DRY).ifPresent(x -> sb.append(String.format(Locale.ROOT,
                "syscall: mpk-dry getpid adds %.2f ns over none, the round trip %.2f ns (target <= round trip + %.0f ns: %s)%n",
                x[0], x[1], SYSCALL_TARGET_NS, x[0] <= x[1] + SYSCALL_TARGET_NS ? "met" : "NOT met")));
        return sb.toString();
    }

    /**
     * The paper's figure as a table: per size, vanilla, then each isolated backend with its
     * difference from vanilla and that difference's 95% interval ({@link WelchDifference}); a
     * percentage only where the interval excludes zero.
     */
    private String sweep() {
        List<JmhResult> rows = results.stream().filter(r -> r.shortName().equals(WRITE_BYTES)).toList();
        if (rows.isEmpty()) {
            return "";
        }
        List<String> backends = rows.stream().map(JmhResult::backend).distinct().sorted(BACKENDS).toList();
        TreeSet<Long> sizes = new TreeSet<>();
        rows.forEach(r -> sizes.add(r.size()));
        StringBuilder sb = new StringBuilder("write_bytes through the gate into UNSAFE_KERNEL, ns/op; isolated: the difference from none"
                + " [95% CI] and, where that interval excludes 0, the slowdown:\n");
        sb.append(String.format("%7s", "size"));
        backends.forEach(b -> sb.append(String.format(" %" + width(b) + "s", b)));
        sb.append('\n');
        for (Long s : sizes) {
            sb.append(String.format("%7s", size(s)));
            for (String b : backends) {
                String cell = find(WRITE_BYTES, b, s).map(this::writeCell).orElse("-");
                sb.append(String.format(" %" + width(b) + "s", cell));
            }
            sb.append('\n');
        }
        sb.append("  (").append(ESTIMATOR).append(")\n");
        return sb.toString();
    }

    private static int width(String backend) {
        return VANILLA.equals(backend) ? 9 : 44;
    }

    /** A write_bytes cell: the score, and for an isolated backend its difference from none. */
    private String writeCell(JmhResult r) {
        Optional<JmhResult> vanilla = VANILLA.equals(r.backend()) ? Optional.empty() : find(WRITE_BYTES, VANILLA, r.size());
        if (vanilla.isEmpty()) {
            return num(r.score());
        }
        WelchDifference d = difference(vanilla.get(), r);
        String cell = num(r.score()) + " " + signed(d.difference());
        if (!Double.isNaN(d.low())) {
            cell += " [" + signed(d.low()) + ", " + signed(d.high()) + "]";
        }
        return cell + (d.resolved() ? " (" + percent(r.score() / vanilla.get().score() - 1) + ")" : " (n.s.)");
    }

    /** {@code isolated - vanilla} with its interval, from the iterations of both. */
    static WelchDifference difference(JmhResult vanilla, JmhResult isolated) {
        if (vanilla.samples().isEmpty() || isolated.samples().isEmpty()) {
            return new WelchDifference(isolated.score() - vanilla.score(), Double.NaN, Double.NaN, vanilla.score());
        }
        return WelchDifference.of(vanilla.samples(), isolated.samples());
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + num(v);
    }

    /**
     * Gate rows: times the floor. Other isolated rows: the added time per operation, and the
     * slowdown once the vanilla time is large enough for a percentage to mean something (a
     * vanilla null system call is a field read the JIT inlines, near 0 ns).
     */
    private String derived(JmhResult r) {
        if (r.shortName().equals(ROUND_TRIP)) {
            return gateOverFloor(r.backend()).map(g -> times(g.value()) + " floor").orElse("");
        }
        if (r.backend() == null || r.backend().equals(VANILLA)) {
            return "";
        }
        return find(r.shortName(), VANILLA, r.size()).map(v -> {
            String added = (r.score() >= v.score() ? "+" : "-") + num(Math.abs(r.score() - v.score())) + " ns";
            return v.score() >= PERCENT_FLOOR_NS ? added + " (" + percent(r.score() / v.score() - 1) + ") vs none" : added + " vs none";
        }).orElse("");
    }

    /** Vanilla times below this get no percentage in the main table. */
    static final double PERCENT_FLOOR_NS = 10;

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 100 ? "%.2fx" : "%.0fx", ratio);
    }

    /** Floor first, then by benchmark, backend (vanilla first) and size. */
    private static final Comparator<String> BACKENDS = Comparator.comparing((String b) -> !VANILLA.equals(b))
            .thenComparing(Comparator.naturalOrder());
    private static final Comparator<JmhResult> ORDER = Comparator
            .comparing((JmhResult r) -> !r.shortName().equals(FLOOR))
            .thenComparing(JmhResult::shortName)
            .thenComparing(JmhResult::backend, Comparator.nullsFirst(BACKENDS))
            .thenComparing(JmhResult::size, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Bytes with a binary unit: 1 B, 4 KB, 1 MB. */
    static String size(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " B";
    }

    /** A score with as many decimals as its size warrants. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a < 100 ? "%.2f" : a < 10_000 ? "%.1f" : "%.0f", v);
    }

    /** A slowdown as a signed percentage: 0.06 becomes +6%. */
    static String percent(double slowdown) {
        double p = slowdown * 100;
        return String.format(Locale.ROOT, Math.abs(p) < 10 ? "%+.1f%%" : "%+.0f%%", p);
    }
}
