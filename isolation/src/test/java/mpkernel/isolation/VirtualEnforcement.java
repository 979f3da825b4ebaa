package mpkernel.isolation;

import java.util.ArrayList;
import java.util.List;

import mpkernel.isolation.fault.Fate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs {@link VirtualEnforcementProbe} in child JVMs: every attack in one of its own (it should
 * die), everything that must keep working in one more.
 */
final class VirtualEnforcement {

    private VirtualEnforcement() {
    }

    static List<EnforcementMatrix.Case> run(Backend backend) {
        Policy policy = VirtualEnforcementProbe.policy();
        List<EnforcementMatrix.Case> cases = new ArrayList<>(
                EnforcementMatrix.runChild(VirtualEnforcementProbe.class, policy, backend, "virtual", List.of(VirtualEnforcementProbe.SURVIVE)));
        for (String attack : VirtualEnforcementProbe.ATTACKS) {
            cases.addAll(EnforcementMatrix.runChild(VirtualEnforcementProbe.class, policy, backend, "virtual", List.of(attack)));
        }
        return cases;
    }

    /**
     * Asserts an enforcing backend: every attack died of {@code siCode} at the word it read, in
     * its victim's region; the rest completed.
     */
    static void assertEnforced(List<EnforcementMatrix.Case> cases, int siCode) {
        assertEquals(1 + VirtualEnforcementProbe.ATTACKS.size(), cases.size());
        for (EnforcementMatrix.Case c : cases) {
            String what = c.line();
            if (c.running().name().equals("SURVIVE")) {
                assertEquals(Fate.Kind.COMPLETED, c.kind(), what);
                continue;
            }
            assertEquals(Fate.Kind.PROTECTION_FAULT, c.kind(), what);
            assertEquals(siCode, c.siCode(), what);
            assertEquals(c.owner().name(), c.violated(), what);
            assertEquals(c.expectedAddress(), c.faultAddress(), what);
        }
    }

    /** Asserts the unisolated baseline: every attack was tried and succeeded. */
    static void assertNothingEnforced(List<EnforcementMatrix.Case> cases) {
        assertEquals(1 + VirtualEnforcementProbe.ATTACKS.size(), cases.size());
        for (EnforcementMatrix.Case c : cases) {
            assertEquals(Fate.Kind.COMPLETED, c.kind(), c.line());
        }
    }
}
