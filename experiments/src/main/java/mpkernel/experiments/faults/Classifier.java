package mpkernel.experiments.faults;

import mpkernel.isolation.Backend;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.Fate;

/**
 * Turns a trial JVM's {@link Fate} into a {@link TrialResult}. A protection fault counts as
 * detected by isolation only with the backend's own signal code (SEGV_PKUERR under mpk,
 * SEGV_ACCERR under mprotect) at an address inside a domain region; any other death is
 * CRASH_OTHER; a JVM that lived reports its own verdict.
 */
public final class Classifier {

    private Classifier() {
    }

    /** The result of {@code trial} on {@code backend}, which ended as {@code fate} after {@code millis}. */
    public static TrialResult classify(Backend backend, Trial trial, Fate fate, long millis) {
        return switch (fate.kind()) {
            case TIMEOUT -> new TrialResult(trial, Outcome.HANG, "-", "-", 0, "no end before the time limit", millis);
            case PROTECTION_FAULT -> {
                CrashReport c = fate.crash().orElseThrow();
                boolean ownCode = c.siCode() == (backend == Backend.MPK ? CrashReport.SEGV_PKUERR : CrashReport.SEGV_ACCERR);
                yield new TrialResult(trial, ownCode ? Outcome.DETECTED_BY_ISOLATION : Outcome.CRASH_OTHER,
                        fate.violatedRegion().orElseThrow().domain(), "0x" + Long.toHexString(c.siAddr()), c.siCode(),
                        c.siCodeName() + " by " + fate.runningDomain().orElse("unknown"), millis);
            }
            case CRASHED -> {
                CrashReport c = fate.crash().orElseThrow();
                yield new TrialResult(trial, Outcome.CRASH_OTHER, "-", "0x" + Long.toHexString(c.siAddr()), c.siCode(),
                        c.signal() + " " + c.siCodeName(), millis);
            }
            case COMPLETED, FAILED -> fate.stdout().lines().filter(l -> l.startsWith("OUTCOME ")).findFirst()
                    .map(l -> {
                        String[] f = l.split(" ", 3);
                        return new TrialResult(trial, Outcome.valueOf(f[1]), "-", "-", 0, f.length > 2 ? f[2] : "-", millis);
                    })
                    .orElse(new TrialResult(trial, Outcome.CRASH_OTHER, "-", "-", 0, "exit " + fate.exitCode() + " without a verdict", millis));
        };
    }

    /** The output hash a trial JVM printed, or {@code -}. */
    public static String outputHash(Fate fate) {
        return fate.stdout().lines().filter(l -> l.startsWith("OUTPUT-HASH ")).map(l -> l.substring(12)).findFirst().orElse("-");
    }
}
