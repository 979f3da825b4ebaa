package mpkernel.experiments.sweep;

import java.util.ArrayList;
import java.util.List;

import mpkernel.isolation.Backend;

/**
 * What a sweep runs.
 *
 * @param backends the isolated backends, each against {@code none}
 * @param work the {@code sweep} program's work ({@code spmv} or {@code triad})
 * @param call its system call ({@code clock}, {@code write} or {@code malloc})
 * @param units units of work per run
 * @param steps per backend, the values of {@code K} (a call every K units), largest first
 * @param pairs ABBA pairs of forks per step
 * @param warmups unmeasured runs per fork
 * @param measured measured runs per fork
 * @param quick a CI-sized smoke run
 */
public record SweepPlan(List<Backend> backends, String work, String call, long units, java.util.Map<Backend, List<Long>> steps,
                        int pairs, int warmups, int measured, boolean quick) {

    /**
     * {@code K} for the full sweep: eleven steps a factor 4 apart, 800,000 down to 1, which with
     * four million units of about 0.1 µs spans about 10 to 10 million calls per second. The top
     * of the range is there for the cheap gates: only millions of crossings per run lift a
     * cost of a few nanoseconds above the run-to-run noise of a fork.
     */
    static final List<Long> FULL = List.of(800_000L, 200_000L, 50_000L, 12_500L, 3_200L, 800L, 200L, 50L, 12L, 3L, 1L);

    /**
     * {@code K} for {@code mprotect}, whose crossing costs tens of microseconds: eight steps, 800,000
     * down to 200, so that no run spends more than about a second in crossings. Its crossing rate
     * cannot go much above 20,000 per second however small K gets.
     */
    static final List<Long> MPROTECT = List.of(800_000L, 200_000L, 50_000L, 12_500L, 3_200L, 800L, 400L, 200L);

    public SweepPlan {
        backends = List.copyOf(backends);
        steps = java.util.Map.copyOf(steps);
        if (pairs < 1 || warmups < 0 || measured < 1 || units < 1) {
            throw new IllegalArgumentException("need pairs >= 1, warmups >= 0, measured >= 1, units >= 1");
        }
    }

    /** The default plan for {@code backends}; {@code quick}: three steps, one pair, a tenth of the units. */
    public static SweepPlan of(List<Backend> backends, String work, String call, int pairs, boolean quick) {
        java.util.Map<Backend, List<Long>> steps = new java.util.EnumMap<>(Backend.class);
        for (Backend b : backends) {
            List<Long> ks = b == Backend.MPROTECT ? MPROTECT : FULL;
            steps.put(b, quick ? List.of(ks.getFirst() / 10, ks.get(ks.size() / 2) / 10 + 1, Math.max(1, ks.getLast() / 10)) : ks);
        }
        return new SweepPlan(backends, work, call, quick ? 400_000 : 4_000_000, steps, quick ? 1 : pairs, quick ? 0 : 1,
                quick ? 1 : 3, quick);
    }

    /** The {@code sweep} program's arguments for step {@code every}. */
    List<String> args(long every) {
        return new ArrayList<>(List.of("--work", work, "--call", call, "--units", Long.toString(units), "--every", Long.toString(every)));
    }

    /** Forks the whole sweep starts. */
    public int totalForks() {
        return steps.values().stream().mapToInt(List::size).sum() * pairs * 2;
    }
}
