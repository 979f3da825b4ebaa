package mpkernel.isolation;

import java.util.List;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The enforcement matrix under real protection keys, inside the QEMU PKU guest (one boot for
 * the whole matrix). Skips with a reason where QEMU is missing, except under CI, where a skip
 * would hide the one test of real MPK and so fails.
 */
class EnforcementGuestTest {

    static void requireGuest() {
        PkuGuest.skipReasonForTests().ifPresent(Assumptions::abort);
    }

    @Test
    void mpkDeniesWithSegvPkuerrInsideTheOwnersRegion() {
        requireGuest();
        PkuGuest.Result r = PkuGuest.run(List.of(PkuGuest.javaLauncher(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), EnforcementMatrix.class.getName(), "mpk"));
        assertEquals(0, r.exitCode(), r.output());
        List<EnforcementMatrix.Case> cases = r.output().lines().filter(l -> l.startsWith("CASE "))
                .map(EnforcementMatrix.Case::parse).toList();
        EnforcementExpectations.assertEnforced(cases, EnforcementExpectations.PKUERR);
    }
}
