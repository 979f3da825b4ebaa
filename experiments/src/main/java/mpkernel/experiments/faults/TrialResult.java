package mpkernel.experiments.faults;

import java.util.List;

/**
 * A finished trial: one row of a campaign file.
 *
 * @param trial the planned trial
 * @param outcome its outcome
 * @param violatedDomain the domain whose memory the denied access touched, or {@code -}
 * @param faultAddress the faulting address ({@code 0x...}), or {@code -}
 * @param siCode the fault's {@code si_code}, or 0
 * @param detail a short explanation, without commas
 * @param millis wall time of the trial
 */
public record TrialResult(Trial trial, Outcome outcome, String violatedDomain, String faultAddress, int siCode, String detail,
                          long millis) {

    /** The CSV header. */
    public static final List<String> COLUMNS = List.of("trial", "model", "source", "target", "outcome", "violated_domain",
            "fault_address", "si_code", "detail", "millis");

    /** This result as a CSV row. */
    public String csv() {
        return String.join(",", Integer.toString(trial.number()), trial.model(), trial.source(), trial.target(), outcome.name(),
                violatedDomain, faultAddress, Integer.toString(siCode), detail.replace(',', ';').replace('\n', ' '),
                Long.toString(millis));
    }

    /**
     * Parses a CSV row; {@code null} for a malformed one (e.g. the torn last line of a killed
     * run). The trial's parameter is not stored; it is re-derived from the seed when needed.
     */
    public static TrialResult parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != COLUMNS.size()) {
            return null;
        }
        try {
            return new TrialResult(new Trial(Integer.parseInt(f[0]), f[1], f[2], f[3], 0), Outcome.valueOf(f[4]), f[5], f[6],
                    Integer.parseInt(f[7]), f[8], Long.parseLong(f[9]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
