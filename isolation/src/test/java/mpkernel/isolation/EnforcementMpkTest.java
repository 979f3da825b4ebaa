package mpkernel.isolation;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The enforcement matrix under real protection keys, each access in a child JVM: wherever PKU
 * is usable, a PKU host or the QEMU guest ({@code ./mpk test} runs the {@code mpk} tag in one
 * of them).
 */
@Tag("mpk")
class EnforcementMpkTest {

    @Test
    void mpkDeniesWithSegvPkuerrInsideTheOwnersRegion() {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        EnforcementExpectations.assertEnforced(EnforcementMatrix.run(Backend.MPK), EnforcementExpectations.PKUERR);
    }
}
