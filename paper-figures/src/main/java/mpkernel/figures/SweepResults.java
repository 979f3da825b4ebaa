package mpkernel.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mpkernel.results.BadResultFile;
import mpkernel.results.JsonNode;

/**
 * Reads what {@code ./mpk sweep} writes: {@code sweep-<stamp>.json}, the run's provenance,
 * {@code complete}, {@code settings} (with {@code quick}) and per backend the cost of one
 * crossing and the sweep's steps: a program that crosses the gate every {@code every} units of
 * work, its crossings per second and the slowdown of the isolated build over vanilla with a 95%
 * interval (fractions; the interval is NaN where a step has too few pairs).
 */
final class SweepResults {

    /** The command that produces these files. */
    static final String COMMAND = "./mpk sweep";

    private static final String KIND = "sweep result file";

    /**
     * One step of the sweep.
     *
     * @param every units of work between two crossings
     * @param crossingsPerSecond crossings per second of the isolated build
     * @param slowdown isolated over vanilla, a fraction (0.01 is 1%)
     * @param ciLow lower end of its 95% interval, NaN when there is none
     * @param ciHigh upper end, NaN when there is none
     * @param verified whether both builds' output was right
     */
    record Step(long every, double crossingsPerSecond, double slowdown, double ciLow, double ciHigh, boolean verified) {
    }

    /**
     * What the sweep says one crossing costs on a backend.
     *
     * @param ns the estimate, nanoseconds
     * @param ciLowNs lower end of its 95% interval
     * @param ciHighNs upper end
     * @param detected whether the interval excludes zero
     * @param verdict the file's own one-line verdict, quoted as written
     */
    record Cost(double ns, double ciLowNs, double ciHighNs, boolean detected, String verdict) {
    }

    /** One backend's sweep. */
    record Series(String backend, Cost cost, List<Step> steps) {
    }

    /** One file. */
    record Run(ResultFile origin, List<Series> series) {
    }

    private SweepResults() {
    }

    /** The newest complete run (by the stamp in its name, then its date) that {@code results} admits. */
    static Optional<Run> newest(ResultsFolder results) throws BadResultFile {
        return JsonRunFiles.newest(results, "sweep", KIND, SweepResults::run, Run::origin);
    }

    private static Run run(JsonNode root, JsonNode settings, ResultFile origin) throws BadResultFile {
        List<Series> series = new ArrayList<>();
        for (JsonNode b : root.get("backends").items()) {
            JsonNode c = b.get("cost_per_crossing");
            Cost cost = new Cost(c.get("ns").number(), c.get("ci_low_ns").number(), c.get("ci_high_ns").number(), c.get("detected").bool(),
                    c.get("verdict").string());
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : b.get("steps").items()) {
                steps.add(new Step((long) s.get("every").number(), s.get("crossings_per_s").number(), s.get("slowdown").number(),
                        s.get("ci_low").number(), s.get("ci_high").number(), s.get("verified").bool()));
            }
            series.add(new Series(b.get("backend").string(), cost, steps));
        }
        return new Run(origin, series);
    }
}
