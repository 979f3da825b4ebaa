package mpkernel.isolation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static mpkernel.isolation.Domain.SAFE_KERNEL;
import static mpkernel.isolation.Domain.UNSAFE_KERNEL;
import static mpkernel.isolation.Domain.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The {@code mpk} gate path in this JVM against the real PKRU register: what the other
 * backends' tests check with page tables or an emulated word, checked here with RDPKRU.
 * Wherever PKU is usable (a PKU host, or the QEMU guest).
 */
@Tag("mpk")
class MpkGateTest {

    @BeforeEach
    void needsPku() {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
    }

    private static Isolation boot() {
        return Isolation.boot(Backend.MPK, Policy.paper(1 << 16, 1 << 16));
    }

    @Test
    void eachGateWritesItsDomainsPkruAndTheWayOutRestoresTheCallers() {
        try (Isolation iso = boot()) {
            assertEquals(java.util.List.of(), iso.selfCheck(), "keys and PKRU read back in every domain");
            int outside = PkruRegister.HARDWARE.read();
            int[] seen = new int[2];
            iso.gate(USER).run(() -> {
                seen[0] = PkruRegister.HARDWARE.read();
                iso.gate(UNSAFE_KERNEL).run(() -> seen[1] = PkruRegister.HARDWARE.read());
                assertEquals(iso.pkru(USER).value(), PkruRegister.HARDWARE.read(), "USER's rights back after the inner gate");
            });
            assertEquals(iso.pkru(USER).value(), seen[0]);
            assertEquals(iso.pkru(UNSAFE_KERNEL).value(), seen[1]);
            assertNotEquals(seen[0], seen[1], "the two domains' rights differ");
            assertEquals(outside, PkruRegister.HARDWARE.read(), "restored on the way out");
        }
    }

    @Test
    void anExceptionLeavesTheGateWithTheCallersRights() {
        try (Isolation iso = boot()) {
            int outside = PkruRegister.HARDWARE.read();
            assertThrows(IllegalStateException.class, () -> iso.gate(SAFE_KERNEL).run(() -> {
                throw new IllegalStateException("inside");
            }));
            assertEquals(outside, PkruRegister.HARDWARE.read());
        }
    }

    @Test
    void rightsArePerThreadSoAnotherThreadKeepsItsOwnWhileOneIsInsideAGate() throws Exception {
        try (Isolation iso = boot()) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch read = new CountDownLatch(1);
            AtomicInteger otherThreads = new AtomicInteger();
            Thread t = iso.newThread("in-kernel", null, () -> iso.gate(SAFE_KERNEL).run(() -> {
                inside.countDown();
                await(read);
            }));
            int before = PkruRegister.HARDWARE.read();
            t.start();
            inside.await();
            otherThreads.set(PkruRegister.HARDWARE.read());
            read.countDown();
            t.join();
            // under mprotect the other thread would now hold SAFE_KERNEL's rights (the window in the threat model)
            assertEquals(before, otherThreads.get());
            assertNotEquals(iso.pkru(SAFE_KERNEL).value(), otherThreads.get());
        }
    }

    @Test
    void theWrpkruLoopRewritesTheCurrentValueAndChangesNothing() {
        try (Isolation iso = boot()) {
            iso.gate(USER).run(() -> {
                int before = PkruRegister.HARDWARE.read();
                assertEquals(before, CycleLoops.wrpkru(10_000), "the loop writes back the value it read");
                assertEquals(before, PkruRegister.HARDWARE.read());
            });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
