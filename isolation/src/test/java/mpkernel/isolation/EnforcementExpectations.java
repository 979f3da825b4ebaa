package mpkernel.isolation;

import java.util.List;

import mpkernel.isolation.fault.CrashReport;
import mpkernel.isolation.fault.Fate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The matrix every real backend must produce, written out by hand (not derived from
 * {@link Policy}), so a wrong policy computation cannot pass its own test.
 */
final class EnforcementExpectations {

    private EnforcementExpectations() {
    }

    /** Whether the paper's rules (and the readonly variant) deny this access. */
    static boolean denied(EnforcementMatrix.Case c) {
        String from = c.running().name();
        String to = c.owner().name();
        if (c.policy().equals("readonly")) {
            return c.op().equals("write"); // USER -> UNSAFE_KERNEL, read-only
        }
        return (from.equals("USER") && !to.equals("USER")) || (from.equals("UNSAFE_KERNEL") && to.equals("SAFE_KERNEL"));
    }

    /** Asserts an enforcing backend: denied accesses die with {@code siCode} inside the owner's region. */
    static void assertEnforced(List<EnforcementMatrix.Case> cases, int siCode) {
        assertEquals(20, cases.size(), "18 paper cells + 2 read-only cells");
        for (EnforcementMatrix.Case c : cases) {
            String what = c.line();
            if (denied(c)) {
                assertEquals(Fate.Kind.PROTECTION_FAULT, c.kind(), what);
                assertEquals(siCode, c.siCode(), what);
                assertEquals(c.owner().name(), c.violated(), what);
                assertEquals(c.expectedAddress(), c.faultAddress(), what);
            } else {
                assertEquals(Fate.Kind.COMPLETED, c.kind(), what);
            }
        }
    }

    /** Asserts the unisolated baseline: every access completes. */
    static void assertNothingEnforced(List<EnforcementMatrix.Case> cases) {
        assertEquals(20, cases.size());
        assertFalse(cases.stream().noneMatch(EnforcementExpectations::denied), "the matrix must contain denied cells");
        for (EnforcementMatrix.Case c : cases) {
            assertEquals(Fate.Kind.COMPLETED, c.kind(), c.line());
        }
    }

    static final int ACCERR = CrashReport.SEGV_ACCERR;
    static final int PKUERR = CrashReport.SEGV_PKUERR;
}
