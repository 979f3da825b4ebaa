package mpkernel.experiments.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import mpkernel.isolation.Backend;
import mpkernel.isolation.RegionLayout;
import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.Fate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parent's side of classification, on constructed fates (the child's side is exercised by FaultTrialsTest). */
class OutcomeClassificationTest {

    private final Trial trial = new Trial(3, "wild-write", "UNSAFE_KERNEL", "safe-data", 0);
    private final RegionLayout layout = new RegionLayout(List.of(new RegionLayout.Region("SAFE_KERNEL", 1, 0x1000, 0x2000)));

    private Fate crash(int siCode, long addr) {
        return new Fate(134, false, "", "", Optional.of(new CrashReport("SIGSEGV", siCode, addr, "user-main", List.of())),
                Optional.of(layout), Optional.of(Path.of("hs_err.log")));
    }

    @Test
    void hangIsATimeout() {
        Fate f = new Fate(-1, true, "", "", Optional.empty(), Optional.of(layout), Optional.empty());
        assertEquals(Outcome.HANG, Classifier.classify(Backend.MPROTECT, trial, f, 5).outcome());
    }

    @Test
    void detectionNeedsTheBackendsOwnSignalCode() {
        assertEquals(Outcome.DETECTED_BY_ISOLATION, Classifier.classify(Backend.MPROTECT, trial, crash(2, 0x1040), 1).outcome());
        assertEquals(Outcome.DETECTED_BY_ISOLATION, Classifier.classify(Backend.MPK, trial, crash(4, 0x1040), 1).outcome());
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(Backend.MPK, trial, crash(2, 0x1040), 1).outcome(), "ACCERR is not MPK's");
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(Backend.MPROTECT, trial, crash(2, 0x9000), 1).outcome(), "outside every region");
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(Backend.MPROTECT, trial, crash(1, 0x1040), 1).outcome(), "MAPERR");
        TrialResult r = Classifier.classify(Backend.MPROTECT, trial, crash(2, 0x1040), 1);
        assertEquals("SAFE_KERNEL", r.violatedDomain());
        assertEquals("0x1040", r.faultAddress());
    }

    @Test
    void aLivingJvmReportsItsOwnVerdict() {
        Fate f = new Fate(0, false, "OUTPUT-HASH abc\nOUTCOME SECRET_LEAKED the kernel secret is in the output\n", "", Optional.empty(),
                Optional.of(layout), Optional.empty());
        assertEquals(Outcome.SECRET_LEAKED, Classifier.classify(Backend.NONE, trial, f, 1).outcome());
        assertEquals("abc", Classifier.outputHash(f));
        Fate silent = new Fate(1, false, "", "boom", Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(Outcome.CRASH_OTHER, Classifier.classify(Backend.NONE, trial, silent, 1).outcome());
    }
}
