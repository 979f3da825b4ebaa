package mpkernel.isolation;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static mpkernel.isolation.Domain.SAFE_KERNEL;
import static mpkernel.isolation.Domain.UNSAFE_KERNEL;
import static mpkernel.isolation.Domain.USER;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gate semantics that hold on every backend this host can run (the host has no PKU). */
class GateTest {

    private static Isolation boot(Backend b) {
        return Isolation.boot(b, Policy.paper(1 << 16, 1 << 16));
    }

    @Test
    void mprotectGatesNestAndRestoreTheCallersDomain() {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            assertNull(Isolation.currentDomain());
            String trace = iso.gate(SAFE_KERNEL).call(() -> {
                assertEquals(SAFE_KERNEL, Isolation.currentDomain());
                String inner = iso.gate(USER).call(() -> {
                    assertEquals(USER, Isolation.currentDomain());
                    return iso.gate(SAFE_KERNEL).call(() -> "kernel-in-user:" + Isolation.currentDomain());
                });
                assertEquals(SAFE_KERNEL, Isolation.currentDomain());
                return inner;
            });
            assertEquals("kernel-in-user:SAFE_KERNEL", trace);
            assertNull(Isolation.currentDomain());
            // back outside every gate, every region is closed again
            assertClosed(iso);
        }
    }

    /** Every region of {@code iso} is PROT_NONE: what the mprotect backend keeps while no thread is in a gate. */
    private static void assertClosed(Isolation iso) {
        for (Domain d : iso.policy().domains()) {
            assertEquals("--", SelfCheck.mapsPermissions(iso.memory(d).address()), d + " outside every gate");
        }
    }

    @Test
    void mprotectKeepsMemoryClosedOutsideEveryGate() throws Exception {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            assertClosed(iso);
            iso.gate(SAFE_KERNEL).run(() -> iso.memory(USER).segment().set(JAVA_LONG, 0, 42));
            assertClosed(iso);
            // a thread outside every gate adds nothing, even while another one sits in USER
            java.util.concurrent.CountDownLatch inUser = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread user = iso.newThread("user", USER, () -> iso.gate(USER).run(() -> {
                inUser.countDown();
                await(release);
            }));
            user.start();
            inUser.await();
            assertEquals("rw", SelfCheck.mapsPermissions(iso.memory(USER).address()));
            assertEquals("--", SelfCheck.mapsPermissions(iso.memory(SAFE_KERNEL).address()));
            release.countDown();
            user.join();
            assertClosed(iso);
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPROTECT", "MPK_DRY"})
    void anEntryRefusedForLackOfStackLeavesNoTrace(Backend backend) throws Exception {
        try (Isolation iso = boot(backend)) {
            AtomicReference<String> seen = new AtomicReference<>();
            // a thread with a small stack, recursing until a gate refuses it
            Thread t = new Thread(null, () -> {
                int before = backend == Backend.MPK_DRY ? PkruRegister.EMULATED.read() : 0;
                int refusedAt = dive(iso, 0);
                String rights = backend == Backend.MPK_DRY
                        ? (PkruRegister.EMULATED.read() == before ? "unchanged" : "CHANGED")
                        : SelfCheck.mapsPermissions(iso.memory(SAFE_KERNEL).address());
                seen.set(refusedAt + " " + Isolation.currentDomain() + " " + rights);
            }, "deep", 512 << 10);
            t.start();
            t.join();
            String[] f = seen.get().split(" ");
            assertTrue(Integer.parseInt(f[0]) > 0, seen.get());
            assertEquals("null", f[1], "no frame left behind");
            assertEquals(backend == Backend.MPK_DRY ? "unchanged" : "--", f[2], "no rights left behind");
            assertEquals(java.util.List.of(), iso.selfCheck(), "the gates still work");
        }
    }

    /** Recurses, trying a crossing at every level, until one is refused; returns that depth. */
    private static int dive(Isolation iso, int depth) {
        try {
            iso.gate(SAFE_KERNEL).run(() -> { });
        } catch (StackOverflowError e) {
            if (e.getMessage() != null && e.getMessage().contains("nothing was switched")) {
                return depth;
            }
            throw e;
        }
        return dive(iso, depth + 1);
    }

    @Test
    void aClosedIsolationRefusesEntryWithoutATrace() {
        Isolation iso = boot(Backend.MPROTECT);
        Gate gate = iso.gate(SAFE_KERNEL);
        iso.close();
        assertThrows(IllegalStateException.class, () -> gate.run(() -> { }));
        assertNull(Isolation.currentDomain());
        Isolation dry = boot(Backend.MPK_DRY);
        Gate dryGate = dry.gate(USER);
        dry.close();
        int before = PkruRegister.EMULATED.read();
        assertThrows(IllegalStateException.class, () -> dryGate.run(() -> { }));
        assertEquals(before, PkruRegister.EMULATED.read());
        assertNull(Isolation.currentDomain());
    }

    @Test
    void exceptionLeavesTheGateAndRestoresRights() {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            var e = assertThrows(IllegalStateException.class, () -> iso.gate(USER).run(() -> {
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", e.getMessage());
            assertNull(Isolation.currentDomain());
            assertClosed(iso);
            iso.gate(SAFE_KERNEL).run(() -> iso.memory(SAFE_KERNEL).segment().set(JAVA_LONG, 8, 7));
            assertEquals(7L, (long) iso.gate(SAFE_KERNEL).call(() -> iso.memory(SAFE_KERNEL).segment().get(JAVA_LONG, 8)));
        }
    }

    @Test
    void everyCrossingIsCountedPerGateAcrossThreads() throws Exception {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            Runnable work = () -> {
                for (int i = 0; i < 1000; i++) {
                    iso.gate(USER).run(() -> iso.gate(SAFE_KERNEL).run(() -> { }));
                }
            };
            Thread a = iso.newThread("a", null, work);
            Thread b = iso.newThread("b", null, work);
            a.start();
            b.start();
            a.join();
            b.join();
            work.run(); // and once on a thread that is not a DomainThread
            assertEquals(3000, iso.gate(USER).crossings());
            assertEquals(3000, iso.gate(SAFE_KERNEL).crossings());
            assertEquals(0, iso.gate(UNSAFE_KERNEL).crossings());
        }
    }

    @Test
    void noneBuildRunsBodiesAndCountsNothing() {
        try (Isolation iso = boot(Backend.NONE)) {
            assertEquals(5, iso.gate(USER).callInt(() -> 5));
            assertEquals(6L, iso.gate(USER).callLong(() -> 6L));
            assertEquals(0, iso.gate(USER).crossings());
        }
    }

    @Test
    void virtualThreadsAreRefusedWithAClearError() throws Exception {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread.ofVirtual().start(() -> {
                try {
                    iso.gate(USER).run(() -> { });
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }).join();
            assertInstanceOf(WrongThreadException.class, thrown.get());
            assertTrue(thrown.get().getMessage().contains("platform threads"), thrown.get().getMessage());
            assertEquals(0, iso.gate(USER).crossings());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NONE", "MPROTECT"})
    void regionsArePageAlignedDisjointAndDieWithTheIsolation(Backend backend) {
        Isolation iso = Isolation.boot(backend, Policy.paper(5000, 70000));
        DomainMemory safe = iso.memory(SAFE_KERNEL);
        DomainMemory user = iso.memory(USER);
        assertEquals(8192, safe.byteSize());
        assertEquals(72 * 1024, user.byteSize());
        assertEquals(0, safe.address() % 4096);
        assertFalse(safe.contains(user.address()));
        // regions are back to back, first-declared at the top: USER, UNSAFE_KERNEL, SAFE_KERNEL
        DomainMemory unsafe = iso.memory(UNSAFE_KERNEL);
        assertEquals(user.address() + user.byteSize(), unsafe.address());
        assertEquals(unsafe.address() + unsafe.byteSize(), safe.address());
        assertTrue(iso.layout().find(user.address() + 5).orElseThrow().domain().equals("USER"));
        iso.close();
        assertFalse(safe.segment().scope().isAlive());
        assertThrows(IllegalStateException.class, () -> safe.segment().get(JAVA_LONG, 0));
        iso.close(); // idempotent
    }

    @Test
    void mpkWithoutPkuFailsAtBootNamingTheAlternatives() {
        Pku pku = Pku.probe();
        org.junit.jupiter.api.Assumptions.assumeFalse(pku.available(), "this machine has PKU");
        var e = assertThrows(IsolationUnavailableException.class, () -> boot(Backend.MPK));
        assertTrue(e.getMessage().contains("--backend mprotect"), e.getMessage());
        assertTrue(e.getMessage().contains("./mpk qemu"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void mprotectSelfCheckSeesThePolicyInThePageTables() {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            assertEquals(java.util.List.of(), iso.selfCheck());
        }
    }

    @Test
    void dryMpkRunsTheGatePathAgainstAnEmulatedRegister() {
        try (Isolation iso = boot(Backend.MPK_DRY)) {
            assertEquals(java.util.List.of(), iso.selfCheck(), "the emulated PKRU holds each domain's value inside its gate");
            int outer = PkruRegister.EMULATED.read();
            int seen = iso.gate(USER).callInt(() -> iso.gate(UNSAFE_KERNEL).callInt(PkruRegister.EMULATED::read));
            assertEquals(iso.pkru(UNSAFE_KERNEL).value(), seen);
            assertEquals(outer, PkruRegister.EMULATED.read(), "restored on the way out");
            assertEquals(2, iso.gate(USER).crossings(), "selfCheck once, this test once");
        }
    }

    @Test
    void deepNestingRestoresEveryCallersRights() {
        try (Isolation iso = boot(Backend.MPK_DRY)) {
            Domain[] cycle = {USER, SAFE_KERNEL, UNSAFE_KERNEL};
            int outside = PkruRegister.EMULATED.read();
            assertEquals(20, nest(iso, cycle, 0, 20), "past the initial stack capacity of 8");
            assertEquals(outside, PkruRegister.EMULATED.read());
            assertNull(Isolation.currentDomain());
        }
    }

    /** Enters {@code depth - level} more gates, checking on the way back that each level's rights came back. */
    private static int nest(Isolation iso, Domain[] cycle, int level, int depth) {
        if (level == depth) {
            return level;
        }
        Domain d = cycle[level % cycle.length];
        return iso.gate(d).callInt(() -> {
            int reached = nest(iso, cycle, level + 1, depth);
            assertEquals(d, Isolation.currentDomain());
            assertEquals(iso.pkru(d).value(), PkruRegister.EMULATED.read(), "rights of level " + level);
            return reached;
        });
    }

    @Test
    void threadFactoryThreadsTakeTheFieldPathAndCount() throws Exception {
        try (Isolation iso = boot(Backend.MPK_DRY)) {
            AtomicReference<String> seen = new AtomicReference<>();
            Thread t = Isolation.threadFactory("bench").newThread(() -> seen.set(
                    iso.gate(USER).call(() -> iso.gate(SAFE_KERNEL).call(() ->
                            (ThreadState.current() == ((DomainThread) Thread.currentThread()).state)
                                    + " " + Thread.currentThread().getName() + " " + Isolation.currentDomain()))));
            assertInstanceOf(DomainThread.class, t);
            t.start();
            t.join();
            assertEquals("true bench-1 SAFE_KERNEL", seen.get(), "the state lives in the thread's field");
            assertEquals(1, iso.gate(USER).crossings());
            assertEquals(1, iso.gate(SAFE_KERNEL).crossings());
        }
    }

    @Test
    void mprotectKeepsTheUnionOfConcurrentDomainsOpen() throws Exception {
        try (Isolation iso = boot(Backend.MPROTECT)) {
            java.util.concurrent.CountDownLatch inKernel = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread kernel = iso.newThread("kernel", null, () -> iso.gate(SAFE_KERNEL).run(() -> {
                inKernel.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // still in the safe kernel after the other thread entered USER: must not fault
                iso.memory(SAFE_KERNEL).segment().set(JAVA_LONG, 16, 99);
            }));
            kernel.start();
            inKernel.await();
            iso.gate(USER).run(() -> { });
            done.countDown();
            kernel.join();
            assertEquals(99L, (long) iso.gate(SAFE_KERNEL).call(() -> iso.memory(SAFE_KERNEL).segment().get(JAVA_LONG, 16)));
        }
    }
}
