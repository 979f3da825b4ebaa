package mpkernel.experiments.faults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import mpkernel.results.WilsonInterval;

/**
 * A campaign's results per backend: model-by-outcome counts, the detection rate over the trials
 * that isolation must catch (with its Wilson interval), and the failures that matter: silent
 * corruption, leaks, and false alarms in control trials.
 */
public final class Summary {

    private final Map<String, List<TrialResult>> byBackend = new TreeMap<>();

    /** Adds the trials of one campaign file run on {@code backend}; a trial number counts once per backend. */
    public void add(String backend, List<TrialResult> results) {
        List<TrialResult> list = byBackend.computeIfAbsent(backend, b -> new ArrayList<>());
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        list.forEach(r -> seen.add(r.trial().number()));
        for (TrialResult r : results) {
            if (seen.add(r.trial().number())) {
                list.add(r);
            }
        }
    }

    /** The backends present. */
    public List<String> backends() {
        return List.copyOf(byBackend.keySet());
    }

    /** Trials of {@code backend}. */
    public List<TrialResult> trials(String backend) {
        return byBackend.getOrDefault(backend, List.of());
    }

    /**
     * Detection rate among trials whose fault the policy forbids (see {@link Trial#mustBeDetected()}):
     * stopped by a protection fault or by the confinement of the kernel process.
     */
    public WilsonInterval detection(String backend) {
        List<TrialResult> must = trials(backend).stream().filter(r -> mustBeDetected(r)).toList();
        return WilsonInterval.of(must.stream().filter(r -> r.outcome() == Outcome.DETECTED_BY_ISOLATION
                || r.outcome() == Outcome.DENIED_BY_CONFINEMENT).count(), must.size());
    }

    static boolean mustBeDetected(TrialResult r) {
        return r.trial().mustBeDetected();
    }

    /** Trials with the given outcome. */
    public long count(String backend, Outcome o) {
        return trials(backend).stream().filter(r -> r.outcome() == o).count();
    }

    /** Control trials that did not come out BENIGN. */
    public long falseAlarms(String backend) {
        return trials(backend).stream().filter(r -> r.trial().model().equals("control") && r.outcome() != Outcome.BENIGN).count();
    }

    /** The report: one block per backend. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        for (String backend : backends()) {
            List<TrialResult> all = trials(backend);
            sb.append(String.format(Locale.ROOT, "backend %s: %d trials%n", backend, all.size()));
            sb.append(String.format(Locale.ROOT, "  %-19s", "model"));
            for (Outcome o : Outcome.values()) {
                sb.append(String.format(Locale.ROOT, " %9s", abbreviation(o)));
            }
            sb.append('\n');
            Map<String, Map<Outcome, Integer>> counts = new TreeMap<>();
            for (TrialResult r : all) {
                counts.computeIfAbsent(r.trial().model(), m -> new EnumMap<>(Outcome.class)).merge(r.outcome(), 1, Integer::sum);
            }
            counts.forEach((model, c) -> {
                sb.append(String.format(Locale.ROOT, "  %-19s", model));
                for (Outcome o : Outcome.values()) {
                    sb.append(String.format(Locale.ROOT, " %9d", c.getOrDefault(o, 0)));
                }
                sb.append('\n');
            });
            WilsonInterval w = detection(backend);
            sb.append(String.format(Locale.ROOT, "  detected by isolation: %d of %d faults the policy forbids = %s [95%% Wilson %s, %s]"
                    + " (protection faults and confinement refusals)%n",
                    w.successes(), w.trials(), pct(w.share()), pct(w.low()), pct(w.high())));
            sb.append(String.format(Locale.ROOT, "  silent kernel corruption: %d, secret leaked: %d, false alarms in control trials: %d%n",
                    count(backend, Outcome.SILENT_KERNEL_CORRUPTION), count(backend, Outcome.SECRET_LEAKED), falseAlarms(backend)));
        }
        sb.append("columns: DETECTED=DETECTED_BY_ISOLATION DENIED=DENIED_BY_CONFINEMENT CRASH=CRASH_OTHER JAVA=CAUGHT_BY_JAVA CORRUPT=SILENT_KERNEL_CORRUPTION"
                + " WRONG=WRONG_OUTPUT LEAKED=SECRET_LEAKED\n");
        return sb.toString();
    }

    static String abbreviation(Outcome o) {
        return switch (o) {
            case DETECTED_BY_ISOLATION -> "DETECTED";
            case DENIED_BY_CONFINEMENT -> "DENIED";
            case CRASH_OTHER -> "CRASH";
            case CAUGHT_BY_JAVA -> "JAVA";
            case SILENT_KERNEL_CORRUPTION -> "CORRUPT";
            case WRONG_OUTPUT -> "WRONG";
            case SECRET_LEAKED -> "LEAKED";
            case BENIGN -> "BENIGN";
            case HANG -> "HANG";
        };
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
