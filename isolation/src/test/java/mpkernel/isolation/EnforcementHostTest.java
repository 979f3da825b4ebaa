package mpkernel.isolation;

import org.junit.jupiter.api.Test;

/** The enforcement matrix on this host's backends, each access in a child JVM. */
class EnforcementHostTest {

    @Test
    void mprotectDeniesWithSegvAccerrInsideTheOwnersRegion() {
        EnforcementExpectations.assertEnforced(EnforcementMatrix.run(Backend.MPROTECT), EnforcementExpectations.ACCERR);
    }

    @Test
    void noneLetsEveryAccessThrough() {
        EnforcementExpectations.assertNothingEnforced(EnforcementMatrix.run(Backend.NONE));
    }
}
