package mpkernel.isolation;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static mpkernel.isolation.ManyDomains.v;

/**
 * Child-JVM victim of the virtual-domain enforcement tests: boots {@link #policy()} (64
 * virtual domains sharing 6 keys) at a given base, then runs scenarios, each named
 * {@code SCENARIO:op:VICTIM} and announced by {@code TRY name 0x<address>} (the word it is
 * about to touch, in the victim's region) and, if it survived, {@code OK name}. An attack that
 * the isolation stops kills this JVM. Lines {@code INFO ...} say what the key cache did.
 *
 * <p>Usage: {@code VirtualEnforcementProbe BACKEND virtual BASE SCENARIO...}.
 */
public final class VirtualEnforcementProbe {

    /** Offset of the probed word: inside the region, off its first page. */
    static final long OFFSET = Libc.PAGE + 64;

    /** The attacks, each of which the isolation must stop: the domain that runs it reads the victim's memory. */
    static final List<String> ATTACKS = List.of(
            // a domain given the key TASK_0 had reads TASK_0
            "RECYCLED:read:TASK_0",
            // a thread started by hand inside TASK_0's gate (it inherits TASK_0's key) reads another domain
            "STALE_THREAD:read:TASK_63",
            // a task of the pool reads another task, which holds a key of its own at the time
            "NEIGHBOUR:read:TASK_1",
            // the kernel, working for one task of the pool, reads another (which it may touch in general)
            "KERNEL_SCOPE:read:TASK_1");

    /** Everything that must keep working: more domains than keys, nested, scoped, concurrent, confined, a thousand. */
    static final String SURVIVE = "SURVIVE:run:TASK_1";

    static Policy policy() {
        return ManyDomains.policy(64, 6);
    }

    public static void main(String[] args) throws Exception {
        Backend backend = Backend.parse(args[0]);
        long base = Long.decode(args[2]);
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals(SURVIVE)) {
                thousand(backend);
            }
        }
        try (Isolation iso = Isolation.boot(backend, policy(), base)) {
            for (int i = 3; i < args.length; i++) {
                String name = args[i];
                switch (name.split(":")[0]) {
                    case "RECYCLED" -> recycled(iso, name);
                    case "STALE_THREAD" -> staleThread(iso, name);
                    case "NEIGHBOUR", "KERNEL_SCOPE" -> pooled(iso, name);
                    case "SURVIVE" -> survive(iso, name);
                    default -> throw new IllegalArgumentException(name);
                }
            }
        }
    }

    /** TASK_0 is left, its key goes round to others; whoever has it now reads TASK_0. */
    private static void recycled(Isolation iso, String name) {
        iso.gate(v(0)).run(() -> iso.memory(v(0)).segment().set(JAVA_LONG, OFFSET, 0x5EC12E7L));
        int key = iso.keyOf(v(0));
        touchAll(iso, 1, 64);
        if (iso.keyCache() != null && holderOf(iso, key).isEmpty()) {
            throw new AssertionError("TASK_0's key " + key + " went to nobody: the attack would prove nothing");
        }
        Domain holder = holderOf(iso, key).orElse(v(63));
        info("TASK_0's key " + key + " is now " + holder + "'s; TASK_0's pages carry key " + iso.keyOf(v(0)));
        iso.gate(holder).run(() -> readAs(iso, v(0), name));
    }

    /**
     * A thread started by hand inside TASK_0's gate (under {@code mpk} it inherits TASK_0's rights,
     * which no hold counts) waits while every domain goes through the cache, then reads the
     * domain that got TASK_0's key, if one did, or else TASK_63.
     */
    private static void staleThread(Isolation iso, String name) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Domain> victim = new AtomicReference<>();
        Thread[] stale = new Thread[1];
        iso.gate(v(0)).run(() -> {
            stale[0] = new Thread(() -> {
                await(go);
                readAs(iso, victim.get(), name);
            }, "started-inside-V0");
            stale[0].start();
        });
        int key = iso.keyOf(v(0));
        touchAll(iso, 1, 64);
        touchAll(iso, 1, 64);
        java.util.Optional<Domain> holder = holderOf(iso, key);
        info("TASK_0's key " + key + (holder.isPresent() ? " went to " + holder.get() : " stayed with TASK_0 while the thread lives"));
        if (iso.backend() == Backend.MPK && holder.isPresent()) {
            // the thread would read holder's memory with the rights it inherited: let it try
            info("the key cache gave away a key a live thread may have inherited");
        }
        victim.set(holder.orElse(v(63)));
        go.countDown();
        stale[0].join();
    }

    /**
     * Two tasks of a {@link TaskDomains} pool, TASK_0 and TASK_1, while TASK_1's domain holds a
     * key: TASK_0 reads TASK_1's memory, itself or through the kernel working for it.
     */
    private static void pooled(Isolation iso, String name) {
        TaskDomains.Pool pool = ManyDomains.pool(iso);
        TaskDomains.Task attacker = pool.claim();
        TaskDomains.Task victim = pool.claim();
        victim.run(() -> victim.memory().set(JAVA_LONG, OFFSET, 0x5EC12E7L));
        if (name.startsWith("NEIGHBOUR")) {
            attacker.run(() -> readAs(iso, victim.domain(), name));
        } else {
            attacker.kernel(() -> {
                readAs(iso, victim.domain(), name);
                return 0;
            });
        }
    }

    /** The virtual domain other than TASK_0 whose pages carry {@code key}, under the keyed backends. */
    private static java.util.Optional<Domain> holderOf(Isolation iso, int key) {
        if (iso.keyCache() == null) {
            return java.util.Optional.empty();
        }
        for (int i = 1; i < 64; i++) {
            if (iso.keyOf(v(i)) == key) {
                return java.util.Optional.of(v(i));
            }
        }
        return java.util.Optional.empty();
    }

    /** Announces, reads {@code victim}'s word, says it survived. */
    private static void readAs(Isolation iso, Domain victim, String name) {
        MemorySegment target = iso.memory(victim).segment();
        System.out.printf("TRY %s 0x%x%n", name, target.address() + OFFSET);
        System.out.flush();
        if (target.get(JAVA_LONG, OFFSET) == 42) {
            System.out.print("");
        }
        System.out.println("OK " + name);
        System.out.flush();
    }

    /** Enters {@code V[from]..V[to-1]} once each, each writing its own index. */
    private static void touchAll(Isolation iso, int from, int to) {
        for (int i = from; i < to; i++) {
            MemorySegment m = iso.memory(v(i)).segment();
            long index = i;
            iso.gate(v(i)).run(() -> m.set(JAVA_LONG, 0, index));
        }
    }

    private static void survive(Isolation iso, String name) throws Exception {
        System.out.printf("TRY %s 0x1%n", name);
        cycle(iso);
        concurrent(iso);
        if (iso.backend() != Backend.NONE) {
            // from here on the key cache re-tags through the gates' own syscall only
            info(iso.confine(true));
        }
        cycle(iso);
        concurrent(iso);
        if (iso.keyCache() != null) {
            info("key loads " + iso.keyLoads() + " over " + iso.cacheKeys() + " keys");
        }
        System.out.println("OK " + name);
    }

    /** What each domain's word at offset 8 should hold, kept on the heap by the probe. */
    private static final long[] LAST = new long[64];

    /**
     * Three rounds over the 64 domains with 6 keys: each checks and rewrites its own word, with
     * a neighbour nested inside it, and the kernel reads the word back through a gate scoped
     * to the domain.
     */
    private static void cycle(Isolation iso) {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 64; i++) {
                MemorySegment m = iso.memory(v(i)).segment();
                Domain next = v((i + 1) % 64);
                MemorySegment inner = iso.memory(next).segment();
                Domain d = v(i);
                long expected = LAST[i];
                long written = expected + 1;
                iso.gate(d).run(() -> {
                    check(m.get(JAVA_LONG, 8) == expected, d);
                    m.set(JAVA_LONG, 8, written);
                    iso.gate(next).run(() -> inner.set(JAVA_LONG, 16, inner.get(JAVA_LONG, 16) + 1));
                });
                LAST[i] = written;
                check(iso.gate(Domain.SAFE_KERNEL, d).callLong(() -> m.get(JAVA_LONG, 8)) == written, d);
            }
        }
    }

    /** What each domain's word at offset 24 should hold; each cycler thread has its own sixteen. */
    private static final long[] COUNTED = new long[64];

    /** Four threads, each cycling through its own sixteen domains at the same time. */
    private static void concurrent(Isolation iso) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t * 16;
            threads.add(iso.newThread("cycler-" + t, null, () -> {
                try {
                    for (int round = 0; round < 10; round++) {
                        for (int i = first; i < first + 16; i++) {
                            MemorySegment m = iso.memory(v(i)).segment();
                            long before = COUNTED[i];
                            Domain d = v(i);
                            iso.gate(d).run(() -> {
                                check(m.get(JAVA_LONG, 24) == before, d);
                                m.set(JAVA_LONG, 24, before + 1);
                            });
                            COUNTED[i] = before + 1;
                        }
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
    }

    /** A policy of a thousand domains boots here and every one of them can be entered. */
    private static void thousand(Backend backend) {
        int n = Policy.MAX_DOMAINS - 2;
        try (Isolation iso = Isolation.boot(backend, ManyDomains.policy(n, 0))) {
            for (int i = 0; i < n; i++) {
                MemorySegment m = iso.memory(v(i)).segment();
                long index = i;
                iso.gate(v(i)).run(() -> m.set(JAVA_LONG, 0, index));
            }
            for (int i = 0; i < n; i += 97) {
                MemorySegment m = iso.memory(v(i)).segment();
                long index = i;
                check(iso.gate(v(i)).callLong(() -> m.get(JAVA_LONG, 0)) == index, v(i));
            }
            info("a policy of " + n + " virtual domains booted; each entered, " + iso.keyLoads() + " key loads");
        }
    }

    private static void check(boolean ok, Domain d) {
        if (!ok) {
            throw new AssertionError(d + "'s data is wrong");
        }
    }

    private static void info(String line) {
        System.out.println("INFO " + line);
        System.out.flush();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
