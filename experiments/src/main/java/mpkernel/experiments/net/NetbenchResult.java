package mpkernel.experiments.net;

import java.util.List;
import java.util.Map;

/**
 * A netbench run as far as it got: what it was told, its raw numbers, the crossing counts, the
 * parts it skipped and whether it finished.
 *
 * @param plan the plan
 * @param data the raw numbers
 * @param crossings per backend
 * @param skipped parts that could not run here, one line each
 * @param complete whether every part ran (or failed) to its end
 */
public record NetbenchResult(NetbenchPlan plan, Observations data, Map<String, Crossings> crossings, List<String> skipped,
                             boolean complete) {

    /** The parts that failed, one line each. */
    public List<String> failures() {
        return data.failures();
    }
}
