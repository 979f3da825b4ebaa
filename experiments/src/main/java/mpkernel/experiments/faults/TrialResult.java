package mpkernel.experiments.faults;

import java.util.List;

import mpkernel.results.CsvText;

/**
 * A finished trial: one row of a campaign file.
 *
 * @param trial the planned trial
 * @param outcome its outcome
 * @param violatedDomain the domain whose memory the denied access touched, or {@code -}
 * @param faultAddress the faulting address ({@code 0x...}), or {@code -}
 * @param siCode the fault's {@code si_code}, or 0
 * @param detail a short explanation on one line (files written before the CSV was quoted have
 *     {@code ;} for its commas)
 * @param millis wall time of the trial
 */
public record TrialResult(Trial trial, Outcome outcome, String violatedDomain, String faultAddress, int siCode, String detail,
                          long millis) {

    /** The CSV header. */
    public static final List<String> COLUMNS = List.of("trial", "model", "source", "target", "outcome", "violated_domain",
            "fault_address", "si_code", "detail", "millis");

    /** This result as a CSV row, its line break included. */
    public String csv() {
        return CsvText.row(List.of(Integer.toString(trial.number()), trial.model(), trial.source(), trial.target(), outcome.name(),
                violatedDomain, faultAddress, Integer.toString(siCode), detail, Long.toString(millis)));
    }

    /**
     * The result a CSV row's cells hold; {@code null} for a malformed row (e.g. the torn last
     * line of a killed run). The trial's parameter is not stored; it is re-derived from the seed
     * when needed.
     */
    public static TrialResult of(List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            return null;
        }
        try {
            return new TrialResult(new Trial(Integer.parseInt(cells.get(0)), cells.get(1), cells.get(2), cells.get(3), 0),
                    Outcome.valueOf(cells.get(4)), cells.get(5), cells.get(6), Integer.parseInt(cells.get(7)), cells.get(8),
                    Long.parseLong(cells.get(9)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
