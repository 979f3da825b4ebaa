package mpkernel.isolation;

import org.junit.jupiter.api.Test;

/**
 * Virtual domains on this host's backends, each scenario in a child JVM: under
 * {@code mprotect} every attack of {@link VirtualEnforcementProbe} faults in its victim's
 * region, under {@code none} every one of them succeeds (so the attacks can fail), and the
 * probe's long run (more domains than keys, nested, scoped, concurrent, confined, a thousand
 * domains) completes on both, and on {@code mpk-dry}, which runs the key cache.
 */
class VirtualEnforcementHostTest {

    @Test
    void mprotectStopsEveryAttackWithSegvAccerrInTheVictimsRegion() {
        VirtualEnforcement.assertEnforced(VirtualEnforcement.run(Backend.MPROTECT), EnforcementExpectations.ACCERR);
    }

    @Test
    void noneLetsEveryAttackThrough() {
        VirtualEnforcement.assertNothingEnforced(VirtualEnforcement.run(Backend.NONE));
    }

    @Test
    void theKeyCacheKeepsEveryDomainWorkingUnderMpkDry() {
        var cases = EnforcementMatrix.runChild(VirtualEnforcementProbe.class, VirtualEnforcementProbe.policy(), Backend.MPK_DRY,
                "virtual", java.util.List.of(VirtualEnforcementProbe.SURVIVE));
        org.junit.jupiter.api.Assertions.assertEquals(mpkernel.isolation.fault.Fate.Kind.COMPLETED, cases.get(0).kind(), cases.get(0).line());
    }
}
