package mpkernel.isolation;

import java.util.List;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Virtual domains under real protection keys, inside the QEMU PKU guest (one boot for all the
 * scenarios of {@link VirtualEnforcementProbe}): every attack dies of SEGV_PKUERR at the word
 * it read, and a policy of a thousand domains, 64 domains over 6 keys, nested, scoped and
 * concurrent crossings and a confined process keep working. Skips like
 * {@link EnforcementGuestTest}.
 */
class VirtualEnforcementGuestTest {

    @Test
    void mpkStopsEveryAttackOnVirtualDomainsWithSegvPkuerr() {
        EnforcementGuestTest.requireGuest();
        PkuGuest.Result r = PkuGuest.run(List.of(PkuGuest.javaLauncher(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), VirtualEnforcement.class.getName(), "mpk"));
        assertEquals(0, r.exitCode(), r.output());
        List<EnforcementMatrix.Case> cases = r.output().lines().filter(l -> l.startsWith("CASE "))
                .map(EnforcementMatrix.Case::parse).toList();
        VirtualEnforcement.assertEnforced(cases, EnforcementExpectations.PKUERR);
    }
}
