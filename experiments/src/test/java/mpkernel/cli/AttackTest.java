package mpkernel.cli;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every attack program through {@code ./mpk run}, each kernel in its own JVM: it works where
 * nothing protects the kernel ({@code none}), and is stopped by {@code mprotect} on any host and
 * by real protection keys wherever PKU is usable (a PKU host, or the QEMU guest).
 */
class AttackTest {

    @Test
    void everyAttackWorksOnTheUnisolatedBuild() {
        everyAttack("none");
    }

    @Test
    void everyAttackIsStoppedByMprotect() {
        everyAttack("mprotect");
    }

    @Test
    @Tag("mpk")
    void everyAttackIsStoppedByMpk() {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        everyAttack("mpk");
    }

    private static void everyAttack(String backend) {
        for (Attacks.Attack a : Attacks.ALL) {
            Attacks.check(a, backend, CliHarness.mpk(Attacks.command(a, backend)));
        }
    }
}
