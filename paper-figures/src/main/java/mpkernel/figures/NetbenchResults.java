package mpkernel.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mpkernel.results.BadResultFile;
import mpkernel.results.JsonNode;

/**
 * Reads what {@code ./mpk netbench} writes: {@code netbench-<stamp>.json}, the run's provenance,
 * {@code complete}, {@code settings} (with {@code quick} and {@code reps}), per backend (and
 * {@code linux}) and message size the stream's mean throughput in bytes per second with its 95%
 * interval, per backend and request test ({@code redis GET P1}, {@code wrk 64k}) the mean
 * requests per second with its 95% interval, and the targets with their verdicts.
 */
final class NetbenchResults {

    /** The command that produces these files. */
    static final String COMMAND = "./mpk netbench";

    private static final String KIND = "netbench result file";

    /**
     * One mean with its interval (NaN ends where there is none).
     *
     * @param backend the backend, or {@code linux}
     * @param what the message size in bytes (stream) or the test's name (requests)
     * @param mean the mean over repetitions
     * @param ciLow lower end of its 95% interval
     * @param ciHigh upper end
     * @param n repetitions behind it
     */
    record Point(String backend, String what, double mean, double ciLow, double ciHigh, int n) {
    }

    /**
     * A target and its verdict.
     *
     * @param goal what it asks
     * @param verdict {@code met}, {@code NOT met} or {@code not measured}
     * @param detail the numbers behind it
     */
    record Target(String goal, String verdict, String detail) {
    }

    /** One file. */
    record Run(ResultFile origin, int reps, List<Point> stream, List<Point> requests, List<Target> targets) {
    }

    private NetbenchResults() {
    }

    /** The newest complete run (by the stamp in its name, then its date) that {@code results} admits. */
    static Optional<Run> newest(ResultsFolder results) throws BadResultFile {
        return JsonRunFiles.newest(results, "netbench", KIND, NetbenchResults::run, Run::origin);
    }

    /**
     * The newest complete run that {@code results} admits, for {@code figure}.
     *
     * @throws MissingResults naming the figure and the command to run when there is none
     */
    static Run newestFor(Figure figure, ResultsFolder results) throws BadResultFile, MissingResults {
        return newest(results).orElseThrow(() -> new MissingResults(figure.subject(), "no complete " + results.name() + "/netbench-*.json",
                figure.command()));
    }

    private static Run run(JsonNode root, JsonNode settings, ResultFile origin) throws BadResultFile {
        List<Point> stream = new ArrayList<>();
        for (JsonNode s : root.get("stream").items()) {
            stream.add(point(s, Long.toString((long) s.get("size").number())));
        }
        List<Point> requests = new ArrayList<>();
        for (JsonNode s : root.get("requests").items()) {
            requests.add(point(s, s.get("metric").string()));
        }
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : root.get("targets").items()) {
            String verdict = !t.has("met") ? "not measured" : t.get("met").bool() ? "met" : "NOT met"; // null: not measured
            targets.add(new Target(t.get("goal").string(), verdict, t.get("detail").string()));
        }
        return new Run(origin, (int) settings.get("reps").number(), stream, requests, targets);
    }

    private static Point point(JsonNode s, String what) throws BadResultFile {
        return new Point(s.get("backend").string(), what, s.get("mean").number(), s.get("ci_low").number(), s.get("ci_high").number(),
                (int) s.get("n").number());
    }
}
