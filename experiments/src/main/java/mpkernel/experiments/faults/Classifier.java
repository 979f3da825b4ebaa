package mpkernel.experiments.faults;

import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.kernel.boot.KernelReport;

/**
 * Turns a trial kernel's {@link KernelOutcome} into a {@link TrialResult}. A protection fault
 * counts as detected by isolation only with the backend's own signal code (SEGV_PKUERR under
 * mpk, SEGV_ACCERR under mprotect) at an address inside a domain region; any other death is
 * CRASH_OTHER; a kernel that lived is judged from its signed report and the launcher's own
 * search for the secret.
 */
public final class Classifier {

    /** The exit status by which {@code fault-workload} says the OS refused its fault (see its javadoc). */
    static final int DENIED_STATUS = 77;

    private Classifier() {
    }

    /**
     * The result of {@code trial}, which ended as {@code o} after {@code millis}; {@code golden}
     * is the fault-free run's output hash ({@code -} for the golden run itself).
     */
    public static TrialResult classify(Trial trial, KernelOutcome o, String golden, long millis) {
        return switch (o.verdict()) {
            case TIMEOUT -> new TrialResult(trial, Outcome.HANG, "-", "-", 0, "no end before the time limit", millis);
            case PROTECTION_FAULT -> {
                CrashReport c = o.fate().crash().orElseThrow();
                yield new TrialResult(trial, o.ownSignalCode() ? Outcome.DETECTED_BY_ISOLATION : Outcome.CRASH_OTHER,
                        o.fate().violatedRegion().orElseThrow().domain(), "0x" + Long.toHexString(c.siAddr()), c.siCode(),
                        c.siCodeName() + " by " + o.runningDomain().orElse("unknown"), millis);
            }
            case CRASHED -> {
                CrashReport c = o.fate().crash().orElseThrow();
                yield new TrialResult(trial, Outcome.CRASH_OTHER, "-", "0x" + Long.toHexString(c.siAddr()), c.siCode(),
                        c.signal() + " " + c.siCodeName(), millis);
            }
            case BOOT_FAILED, NO_REPORT -> new TrialResult(trial, Outcome.CRASH_OTHER, "-", "-", 0,
                    "exit " + o.fate().exitCode() + " without a signed verdict", millis);
            case COMPLETED -> completed(trial, o, golden, millis);
        };
    }

    private static TrialResult completed(Trial trial, KernelOutcome o, String golden, long millis) {
        KernelReport.End end = o.end().orElseThrow();
        KernelReport.Run run = o.lastRun().orElseThrow();
        Outcome outcome;
        String detail;
        if (o.leaked()) {
            outcome = Outcome.SECRET_LEAKED;
            detail = "the kernel secret is in the output";
        } else if (run.status() == DENIED_STATUS) {
            outcome = Outcome.DENIED_BY_CONFINEMENT;
            detail = "the OS refused the access";
        } else if (!end.intact()) {
            outcome = Outcome.SILENT_KERNEL_CORRUPTION;
            detail = end.problems().getFirst();
        } else if (!run.termination().isEmpty()) {
            outcome = Outcome.CAUGHT_BY_JAVA;
            String cls = run.termination().split(":", 2)[0];
            detail = cls.substring(cls.lastIndexOf('.') + 1);
        } else if (run.status() != 0) {
            outcome = Outcome.CAUGHT_BY_JAVA;
            detail = "exit status " + run.status();
        } else if (!golden.equals("-") && !golden.equals(outputHash(o))) {
            outcome = Outcome.WRONG_OUTPUT;
            detail = end.badFrames() > 0 ? "console device dropped " + end.badFrames() + " frame(s)" : "output differs";
        } else {
            outcome = Outcome.BENIGN;
            detail = "-";
        }
        return new TrialResult(trial, outcome, "-", "-", 0, detail, millis);
    }

    /** The output hash the trial kernel reported, or {@code -}. */
    public static String outputHash(KernelOutcome o) {
        return o.lastRun().map(KernelReport.Run::consoleSha256).filter(h -> !h.isEmpty()).orElse("-");
    }
}
