package mpkernel.isolation;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Virtual domains under real protection keys, each scenario of {@link VirtualEnforcementProbe}
 * in a child JVM, wherever PKU is usable (a PKU host, or the QEMU guest in which
 * {@code ./mpk test} runs the {@code mpk} tag): every attack dies of SEGV_PKUERR at the word it
 * read, and a policy of a thousand domains, 64 domains over 6 keys, nested, scoped and concurrent
 * crossings and a confined process keep working.
 */
@Tag("mpk")
class VirtualEnforcementMpkTest {

    @Test
    void mpkStopsEveryAttackOnVirtualDomainsWithSegvPkuerr() {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        VirtualEnforcement.assertEnforced(VirtualEnforcement.run(Backend.MPK), EnforcementExpectations.PKUERR);
    }
}
