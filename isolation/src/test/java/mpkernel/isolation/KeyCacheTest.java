package mpkernel.isolation;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static mpkernel.isolation.ManyDomains.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key cache's rules on their own, with a re-tagger that only records what it was asked
 * (no memory, no PKRU): here threads can be started "inside" a gate, as under real {@code mpk},
 * where a thread inherits its creator's PKRU.
 */
class KeyCacheTest {

    private static final int PARKING = 4;
    private static final int SLOT = 5;

    private final Policy policy = ManyDomains.policy(3, 1);
    private final List<String> tags = new ArrayList<>();
    private final KeyCache cache = new KeyCache(policy, regions(policy), PARKING, new int[] {SLOT},
            (region, key) -> tags.add(region.domain() + "->" + key), new ThreadRoster(true));
    private final ThreadState me = new ThreadState(Thread.currentThread());

    private static DomainMemory[] regions(Policy p) {
        DomainMemory[] m = new DomainMemory[p.domains().size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = new DomainMemory(p.domains().get(i), PARKING, MemorySegment.ofAddress(0x1000L * (i + 1)).reinterpret(4096));
        }
        return m;
    }

    private VirtualMpkGate gate(Domain d) {
        return new VirtualMpkGate(null, d, cache, PkruRegister.EMULATED, Pkru.DENY_ALL, new int[] {policy.index(d)});
    }

    /** Enters {@code d}'s gate as far as the cache is concerned, and leaves it again. */
    private void cross(Domain d) {
        KeyCache.Grant g = cache.admit(gate(d), me);
        KeyHolders.drop(me.keyUse, g.keys());
    }

    @Test
    void aMissParksTheEvictedDomainBeforeItsKeyTagsTheLoadedOne() {
        cross(v(0));
        cross(v(1));
        assertEquals(List.of("TASK_0->5", "TASK_0->4", "TASK_1->5"), tags);
        assertEquals(PARKING, cache.keyOf(v(0)));
        assertEquals(SLOT, cache.keyOf(v(1)));
    }

    @Test
    void aGrantGivesTheDomainsRightsOnItsKeyOnly() {
        KeyCache.Grant g = cache.admit(gate(v(2)), me);
        KeyHolders.drop(me.keyUse, g.keys());
        assertEquals(1 << SLOT, g.keys());
        assertEquals(Pkru.DENY_ALL.with(SLOT, Access.READ_WRITE).value(), g.pkru());
    }

    @Test
    void aThreadStartedWhileAKeyWasHeldQuarantinesItForItsLife() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        KeyCache.Grant g = cache.admit(gate(v(0)), me);
        // started inside V0's gate: under mpk it would carry V0's key in its PKRU
        Thread child = new Thread(() -> await(release), "started-inside-V0");
        child.start();
        KeyHolders.drop(me.keyUse, g.keys());

        var e = assertThrows(IllegalStateException.class, () -> cross(v(1)));
        assertTrue(e.getMessage().contains("inherited by ['started-inside-V0']"), e.getMessage());
        assertEquals(SLOT, cache.keyOf(v(0)), "TASK_0 keeps the key the child may hold");
        assertEquals(PARKING, cache.keyOf(v(1)));

        release.countDown();
        child.join();
        cross(v(1));
        assertEquals(SLOT, cache.keyOf(v(1)), "the child is gone, and with it the suspicion");
    }

    @Test
    void aThreadStartedWhileNoKeyWasHeldIsNotSuspected() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread child = new Thread(() -> await(release), "started-outside");
        child.start();
        try {
            cross(v(0));
            cross(v(1));
            assertEquals(SLOT, cache.keyOf(v(1)));
        } finally {
            release.countDown();
            child.join();
        }
    }

    @Test
    void aSuspectWhoseOwnRightsDenyEveryCacheKeyIsCleared() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        KeyCache.Grant g = cache.admit(gate(v(0)), me);
        ThreadState[] childState = new ThreadState[1];
        CountDownLatch vetted = new CountDownLatch(1);
        Thread child = new Thread(() -> {
            childState[0] = new ThreadState(Thread.currentThread());
            // its first crossing found a baseline that denies every key (it wrote its own)
            cache.vet(childState[0], Pkru.DENY_ALL.value());
            vetted.countDown();
            await(release);
        }, "vetted-child");
        child.start();
        KeyHolders.drop(me.keyUse, g.keys());
        vetted.await();
        try {
            cross(v(1));
            assertEquals(SLOT, cache.keyOf(v(1)));
        } finally {
            release.countDown();
            child.join();
        }
        assertEquals(true, childState[0].vetted);
        ThreadState dirty = new ThreadState(Thread.currentThread());
        cache.vet(dirty, Pkru.DENY_ALL.with(SLOT, Access.READ_ONLY).value());
        assertEquals(false, dirty.vetted, "a baseline that grants a cache key is not vetted");
    }

    @Test
    void aKeyHeldBySomeThreadIsNotEvicted() {
        KeyCache.Grant g = cache.admit(gate(v(0)), me);
        var e = assertThrows(IllegalStateException.class, () -> cross(v(1)));
        assertTrue(e.getMessage().contains("TASK_0 (key 5, 1 gate entries)"), e.getMessage());
        KeyHolders.drop(me.keyUse, g.keys());
        cross(v(1));
    }

    @Test
    void aFailedRetagTakesTheCacheOutOfService() {
        KeyCache broken = new KeyCache(policy, regions(policy), PARKING, new int[] {SLOT}, (region, key) -> {
            if (region.domain().equals(v(1))) {
                throw new IllegalStateException("ENOMEM");
            }
        }, new ThreadRoster(true));
        KeyCache.Grant g = broken.admit(new VirtualMpkGate(null, v(0), broken, PkruRegister.EMULATED, Pkru.DENY_ALL,
                new int[] {policy.index(v(0))}), me);
        KeyHolders.drop(me.keyUse, g.keys());
        VirtualMpkGate g1 = new VirtualMpkGate(null, v(1), broken, PkruRegister.EMULATED, Pkru.DENY_ALL, new int[] {policy.index(v(1))});
        var e = assertThrows(IllegalStateException.class, () -> broken.admit(g1, me));
        assertTrue(e.getMessage().contains("out of service"), e.getMessage());
        VirtualMpkGate g0 = new VirtualMpkGate(null, v(0), broken, PkruRegister.EMULATED, Pkru.DENY_ALL, new int[] {policy.index(v(0))});
        assertThrows(IllegalStateException.class, () -> broken.admit(g0, me), "nothing is admitted any more");
        assertEquals(0, KeyHolders.holds(me.keyUse[SLOT]));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
