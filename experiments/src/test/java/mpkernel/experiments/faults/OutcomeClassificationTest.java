package mpkernel.experiments.faults;

import java.util.List;
import java.util.Optional;

import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.isolation.Backend;
import mpkernel.isolation.RegionLayout;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.Fate;
import mpkernel.isolation.fault.RunsInReader;
import mpkernel.kernel.boot.KernelReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parent's side of classification, on constructed outcomes (real trials are in FaultTrialsTest). */
class OutcomeClassificationTest {

    private final Trial trial = new Trial(3, "wild-write", "UNSAFE_KERNEL", "safe-data", 0);
    private final RegionLayout layout = new RegionLayout(List.of(new RegionLayout.Region("SAFE_KERNEL", 1, 0x1000, 0x2000)));
    private static final RunsInReader DOMAINS = RunsInReader.onClassPath(OutcomeClassificationTest.class.getClassLoader());
    private static final KernelReport.Reports NONE = new KernelReport.Reports(List.of(), Optional.empty(), 0);

    private KernelOutcome crash(Backend b, int siCode, long addr) {
        Fate f = new Fate(1, false, "", "", Optional.of(new CrashReport("SIGSEGV", siCode, addr, "user-main", List.of())),
                Optional.of(layout));
        return new KernelOutcome(b, f, NONE, false, DOMAINS);
    }

    private KernelOutcome completed(boolean leaked, List<String> problems, String termination, int status, String hash) {
        Fate f = new Fate(status, false, "", "", Optional.empty(), Optional.of(layout));
        KernelReport.Run run = new KernelReport.Run(0, false, status, termination, 0.1, 1, 1, 1, hash, "", false);
        return new KernelOutcome(Backend.NONE, f, new KernelReport.Reports(List.of(run),
                Optional.of(new KernelReport.End(problems, 0)), 0), leaked, DOMAINS);
    }

    @Test
    void hangIsATimeout() {
        Fate f = new Fate(-1, true, "", "", Optional.empty(), Optional.of(layout));
        assertEquals(Outcome.HANG, Classifier.classify(trial, new KernelOutcome(Backend.MPROTECT, f, NONE, false, DOMAINS), "-", 5).outcome());
    }

    @Test
    void detectionNeedsTheBackendsOwnSignalCode() {
        assertEquals(Outcome.DETECTED_BY_ISOLATION, Classifier.classify(trial, crash(Backend.MPROTECT, 2, 0x1040), "-", 1).outcome());
        assertEquals(Outcome.DETECTED_BY_ISOLATION, Classifier.classify(trial, crash(Backend.MPK, 4, 0x1040), "-", 1).outcome());
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(trial, crash(Backend.MPK, 2, 0x1040), "-", 1).outcome(), "ACCERR is not MPK's");
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(trial, crash(Backend.MPROTECT, 2, 0x9000), "-", 1).outcome(), "outside every region");
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(trial, crash(Backend.MPROTECT, 1, 0x1040), "-", 1).outcome(), "MAPERR");
        TrialResult r = Classifier.classify(trial, crash(Backend.MPROTECT, 2, 0x1040), "-", 1);
        assertEquals("SAFE_KERNEL", r.violatedDomain());
        assertEquals("0x1040", r.faultAddress());
    }

    @Test
    void aLivingKernelIsJudgedFromItsSignedReportAndTheLaunchersLeakSearch() {
        assertEquals(Outcome.SECRET_LEAKED, Classifier.classify(trial, completed(true, List.of(), "", 0, "abc"), "abc", 1).outcome());
        assertEquals(Outcome.SILENT_KERNEL_CORRUPTION,
                Classifier.classify(trial, completed(false, List.of("the safe kernel's header page changed"), "", 0, "abc"), "abc", 1).outcome());
        TrialResult java = Classifier.classify(trial, completed(false, List.of(), "java.lang.IndexOutOfBoundsException: x", 1, "abc"), "abc", 1);
        assertEquals(Outcome.CAUGHT_BY_JAVA, java.outcome());
        assertEquals("IndexOutOfBoundsException", java.detail());
        assertEquals(Outcome.WRONG_OUTPUT, Classifier.classify(trial, completed(false, List.of(), "", 0, "abc"), "def", 1).outcome());
        assertEquals(Outcome.DENIED_BY_CONFINEMENT,
                Classifier.classify(trial, completed(false, List.of(), "", Classifier.DENIED_STATUS, "abc"), "abc", 1).outcome());
        assertEquals(Outcome.BENIGN, Classifier.classify(trial, completed(false, List.of(), "", 0, "abc"), "abc", 1).outcome());
        assertEquals("abc", Classifier.outputHash(completed(false, List.of(), "", 0, "abc")));
        // no signed end report: whatever the exit status, not a verdict
        Fate silent = new Fate(0, false, "mpk-report forged end intact=true bad-frames=0 problems=-", "", Optional.empty(), Optional.empty());
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(trial, new KernelOutcome(Backend.NONE, silent,
                new KernelReport.Reports(List.of(), Optional.empty(), 1), false, DOMAINS), "-", 1).outcome());
    }
}
