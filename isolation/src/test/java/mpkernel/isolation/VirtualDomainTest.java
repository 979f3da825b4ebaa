package mpkernel.isolation;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.isolation.ManyDomains.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual domains on the backends this host runs: the key cache under {@code mpk-dry} (the
 * {@code mpk} gate path and cache with an emulated PKRU; parked regions are {@code PROT_NONE},
 * so a crossing that used a domain without loading it would crash this JVM), and the same
 * semantics under {@code mprotect} and {@code none}, which have no key limit. Real keys: the
 * guest runs {@link VirtualEnforcementProbe}.
 */
class VirtualDomainTest {

    @Test
    void thePolicyBuilderTakesAThousandDomainsAndSaysWhereTheLimitsAre() {
        Policy p = ManyDomains.policy(Policy.MAX_DOMAINS - 2, 0);
        assertEquals(Policy.MAX_DOMAINS, p.domains().size());
        assertTrue(p.isVirtual(v(999)));
        assertEquals(Access.READ_WRITE, p.access(Domain.SAFE_KERNEL, v(999)));
        assertEquals(Access.NONE, p.access(v(3), v(4)));
        assertEquals(p.toString(), p.toBuilder().build().toString(), "toBuilder keeps the virtual domains and the grants");

        var tooMany = assertThrows(IllegalArgumentException.class, () -> p.toBuilder().virtualDomain(new Domain("ONE_MORE"), 4096));
        assertTrue(tooMany.getMessage().contains("1024"), tooMany.getMessage());
        Policy.Builder pinned = Policy.builder().virtualDomain(new Domain("T"), 4096);
        for (int i = 0; i < Policy.MAX_PINNED_WITH_VIRTUAL + 1; i++) {
            pinned.domain(new Domain("P" + i), 4096);
        }
        var e = assertThrows(IllegalArgumentException.class, pinned::build);
        assertTrue(e.getMessage().contains("at most 13 pinned domains"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().keyCache(14));
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().keyCache(0));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPK_DRY", "MPROTECT", "NONE"})
    void aThousandDomainsBootAndEveryOneIsEnteredAndKeepsItsData(Backend backend) {
        int n = Policy.MAX_DOMAINS - 2;
        try (Isolation iso = Isolation.boot(backend, ManyDomains.policy(n, 0))) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < n; i++) {
                    MemorySegment m = iso.memory(v(i)).segment();
                    long value = i * 31L + round;
                    long before = round == 0 ? 0 : value - 1;
                    iso.gate(v(i)).run(() -> {
                        assertEquals(before, m.get(JAVA_LONG, 8));
                        m.set(JAVA_LONG, 8, value);
                    });
                }
            }
            if (backend == Backend.MPK_DRY) {
                assertEquals(12, iso.cacheKeys(), "15 keys: 2 pinned, 1 parking");
                assertEquals(2L * n, iso.keyLoads(), "a round-robin over more domains than keys misses every time");
            }
        }
    }

    @Test
    void theLeastRecentlyUsedDomainIsEvictedAndParked() {
        try (Isolation iso = Isolation.boot(Backend.MPK_DRY, ManyDomains.policy(6, 3))) {
            int parking = iso.keyCache().parkingKey();
            for (int i : new int[] {0, 1, 2, 0}) {
                iso.gate(v(i)).run(() -> { });
            }
            assertEquals(3, iso.keyLoads());
            int keyOfV1 = iso.keyOf(v(1));
            iso.gate(v(3)).run(() -> { });
            assertEquals(parking, iso.keyOf(v(1)), "TASK_1 was used least recently");
            assertEquals(keyOfV1, iso.keyOf(v(3)), "and its key went to TASK_3");
            assertNotEquals(parking, iso.keyOf(v(0)));
            assertNotEquals(parking, iso.keyOf(v(2)));
            assertEquals("--", SelfCheck.mapsPermissions(iso.memory(v(1)).address()), "a parked region under mpk-dry");
            assertEquals("rw", SelfCheck.mapsPermissions(iso.memory(v(3)).address()));
            for (int i = 0; i < 100; i++) {
                iso.gate(v(3)).run(() -> { });
            }
            assertEquals(4, iso.keyLoads(), "hits load nothing");
        }
    }

    @Test
    void aKeyHeldByAThreadInsideItsGateIsNeitherEvictedNorGivenAway() throws Exception {
        try (Isolation iso = Isolation.boot(Backend.MPK_DRY, ManyDomains.policy(24, 3))) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Long> seen = new AtomicReference<>();
            MemorySegment v0 = iso.memory(v(0)).segment();
            Thread holder = iso.newThread("holder", null, () -> iso.gate(v(0)).run(() -> {
                v0.set(JAVA_LONG, 0, 77);
                inside.countDown();
                await(release);
                seen.set(v0.get(JAVA_LONG, 0)); // still loaded, or this read would crash the JVM
            }));
            holder.start();
            inside.await();
            int key = iso.keyOf(v(0));
            for (int round = 0; round < 3; round++) {
                for (int i = 1; i < 24; i++) {
                    iso.gate(v(i)).run(() -> { });
                    assertEquals(key, iso.keyOf(v(0)), "TASK_0 keeps its key while a thread is inside");
                    assertNotEquals(key, iso.keyOf(v(i)), "nobody else gets it");
                }
            }
            release.countDown();
            holder.join();
            assertEquals(77L, seen.get());
            for (int i = 1; i < 4; i++) {
                iso.gate(v(i)).run(() -> { });
            }
            assertEquals(iso.keyCache().parkingKey(), iso.keyOf(v(0)), "once left, TASK_0 is evicted like any other");
        }
    }

    @Test
    void nestingMoreVirtualDomainsThanKeysFailsClosed() {
        try (Isolation iso = Isolation.boot(Backend.MPK_DRY, ManyDomains.policy(8, 3))) {
            AtomicReference<String> failure = new AtomicReference<>();
            iso.gate(v(0)).run(() -> iso.gate(v(1)).run(() -> iso.gate(v(2)).run(() -> {
                int before = PkruRegister.EMULATED.read();
                var e = assertThrows(IllegalStateException.class, () -> iso.gate(v(3)).run(() -> { }));
                failure.set(e.getMessage());
                assertEquals(before, PkruRegister.EMULATED.read(), "nothing switched");
                assertEquals(v(2), Isolation.currentDomain());
                iso.memory(v(2)).segment().set(JAVA_LONG, 0, 5); // V2 still loaded
            })));
            String m = failure.get();
            assertTrue(m.contains("no protection key free for TASK_3") && m.contains("TASK_0") && m.contains("TASK_1") && m.contains("TASK_2")
                    && m.contains("nothing was switched"), m);
            assertNull(Isolation.currentDomain());
            iso.gate(v(3)).run(() -> { });
            assertEquals(List.of(), iso.selfCheck());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPK_DRY", "MPROTECT", "NONE"})
    void concurrentThreadsInDifferentVirtualDomainsKeepTheirData(Backend backend) throws Exception {
        int threads = 4;
        int perThread = 16;
        try (Isolation iso = Isolation.boot(backend, ManyDomains.policy(threads * perThread, 6))) {
            List<Thread> all = new ArrayList<>();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                all.add(iso.newThread("cycler-" + t, null, () -> {
                    try {
                        for (int round = 0; round < 20; round++) {
                            for (int i = first; i < first + perThread; i++) {
                                MemorySegment m = iso.memory(v(i)).segment();
                                long expected = round == 0 ? 0 : i * 1000L + round - 1;
                                long next = i * 1000L + round;
                                Domain d = v(i);
                                iso.gate(d).run(() -> {
                                    if (m.get(JAVA_LONG, 16) != expected) {
                                        throw new AssertionError(d + " holds " + m.get(JAVA_LONG, 16) + ", expected " + expected);
                                    }
                                    m.set(JAVA_LONG, 16, next);
                                });
                            }
                        }
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                    }
                }));
            }
            all.forEach(Thread::start);
            for (Thread t : all) {
                t.join();
            }
            if (failed.get() != null) {
                throw new AssertionError(failed.get());
            }
            if (backend == Backend.MPK_DRY) {
                assertTrue(iso.keyLoads() > 4 * 16, "the threads evicted each other's domains: " + iso.keyLoads());
            }
        }
    }

    @Test
    void aKernelWithRightsOverEveryTaskEntersOneTaskAtATime() {
        try (Isolation iso = Isolation.boot(Backend.MPK_DRY, ManyDomains.policy(64, 4))) {
            var wide = assertThrows(IllegalStateException.class, () -> iso.gate(Domain.SAFE_KERNEL));
            assertTrue(wide.getMessage().contains("SAFE_KERNEL may touch 64 virtual domains and the key cache has 4 keys"), wide.getMessage());
            Gate forV5 = iso.gate(Domain.SAFE_KERNEL, v(5));
            assertSame(forV5, iso.gate(Domain.SAFE_KERNEL, v(5)));
            int seen = forV5.callInt(() -> {
                iso.memory(v(5)).segment().set(JAVA_LONG, 0, 1);
                iso.memory(Domain.USER).segment().set(JAVA_LONG, 0, 1);
                return PkruRegister.EMULATED.read();
            });
            int key = iso.keyOf(v(5));
            Pkru expected = Pkru.DENY_ALL.with(iso.keyOf(Domain.SAFE_KERNEL), Access.READ_WRITE)
                    .with(iso.keyOf(Domain.USER), Access.READ_WRITE).with(key, Access.READ_WRITE);
            assertEquals(expected.value(), seen, "pinned rights, TASK_5's key, every other key denied");
            assertThrows(IllegalArgumentException.class, () -> iso.gate(Domain.SAFE_KERNEL, Domain.USER), "a pinned domain");
            assertThrows(IllegalArgumentException.class, () -> iso.gate(v(1), v(2)), "TASK_1 has no rights over TASK_2");
            assertThrows(IllegalArgumentException.class, () -> iso.gate(Domain.SAFE_KERNEL, v(1), v(2), v(3), v(4), v(6)), "five keys");
            assertEquals(List.of(), iso.selfCheck());
        }
    }

    @Test
    void underMprotectAScopedGateOpensOnlyItsScope() {
        try (Isolation iso = Isolation.boot(Backend.MPROTECT, ManyDomains.policy(8, 0))) {
            String[] seen = iso.gate(Domain.SAFE_KERNEL, v(5)).call(() -> new String[] {
                SelfCheck.mapsPermissions(iso.memory(v(5)).address()),
                SelfCheck.mapsPermissions(iso.memory(v(6)).address()),
                SelfCheck.mapsPermissions(iso.memory(Domain.USER).address())});
            assertEquals(List.of("rw", "--", "rw"), List.of(seen), "the same rights as under mpk");
            String all = iso.gate(Domain.SAFE_KERNEL).call(() -> SelfCheck.mapsPermissions(iso.memory(v(6)).address()));
            assertEquals("rw", all, "no key limit under mprotect: the unscoped gate covers every task");
            assertEquals(List.of(), iso.selfCheck());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPK_DRY", "MPROTECT", "NONE"})
    void aThreadsBaselineCannotCoverVirtualDomains(Backend backend) {
        try (Isolation iso = Isolation.boot(backend, ManyDomains.policy(4, 0))) {
            var e = assertThrows(IllegalArgumentException.class, () -> iso.newThread("t", v(1), () -> { }));
            assertTrue(e.getMessage().contains("cannot cover virtual domains"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> iso.newThread("t", Domain.SAFE_KERNEL, () -> { }));
            iso.newThread("t", Domain.USER, () -> { }); // pinned rights only: fine
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"MPK_DRY", "MPROTECT"})
    void selfCheckSeesThePolicyWithSixtyFourVirtualDomains(Backend backend) {
        try (Isolation iso = Isolation.boot(backend, ManyDomains.policy(64, 0))) {
            assertEquals(List.of(), iso.selfCheck());
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
