package mpkernel.isolation;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The protection keys of the virtual domains of one isolation, after libmpk (Park et al.,
 * USENIX ATC'19): a few hardware keys (the <i>slots</i>) serve any number of virtual domains.
 * A virtual domain that holds no key is <i>parked</i>: its pages carry the parking key, which
 * no PKRU value ever grants. A gate whose rights cover a parked domain first loads it into a
 * slot, evicting the least recently used domain that no thread holds: the evicted domain's
 * pages are re-tagged with the parking key, the loaded one's with the slot's key. The mapping
 * of domains to keys belongs to the process; the rights stay per thread, in PKRU, as for
 * pinned domains.
 *
 * <p><b>When a key may change hands.</b> Only when no thread's PKRU in force or saved by a
 * gate for its way out grants it ({@link KeyHolders}: a gate holds its keys from before its
 * WRPKRU until after its exit wrote the caller's PKRU back), and no thread started by hand
 * may have inherited it ({@link ThreadRoster}). A key that is free by both counts cannot be in
 * any thread's PKRU, so re-tagging pages with it hands nobody rights they were not given.
 *
 * <p><b>The crossing path.</b> Each gate keeps its last {@link Grant}: the PKRU of its rights
 * with the keys its virtual domains had, and the <i>epoch</i> those keys were valid in. A
 * crossing takes its holds, then one stub call compares the epoch with the cache's and writes
 * PKRU only if it did not move: no lock, no atomic instruction. Every eviction moves the epoch
 * first, so a grant computed before it is refused and its gate recomputes it under the lock
 * ({@link #admit}). Every miss moves the epoch, which is also the clock of recency: a key
 * used since the last miss is as recent as any other so used. The crossings themselves write
 * nothing the threads share: the cache learns what they used from their own counts.
 *
 * <p><b>When every key is held.</b> The entry fails at once with an {@link IllegalStateException}
 * that names the holders, having switched nothing: blocking could wait for ever on the calling
 * thread's own outer gates. A use that runs more virtual domains at the same instant than there
 * are slots must admit them in turn (see {@link TaskDomains}).
 *
 * <p><b>Failures.</b> A re-tag that fails may have left a domain's pages half re-tagged, so the
 * cache breaks for good: its epoch moves, every grant is refused, and every later entry into a
 * virtual domain fails, while the pinned domains' gates go on working.
 */
final class KeyCache {

    private static final int NONE = -1;

    /** How a domain's pages get a key; the parking key parks them. */
    interface Retagger {
        void tag(DomainMemory region, int key);
    }

    /** A gate's PKRU, the cache keys it grants (a bit mask) and the epoch in which those keys were its domains'. */
    record Grant(int pkru, int keys, long epoch) {
        /** A gate's grant before its first crossing: valid in no epoch, it holds only key 0, which no cache has. */
        static final Grant NONE = new Grant(Pkru.DENY_ALL.value(), 1, 0);
    }

    private final Policy policy;
    private final DomainMemory[] memory;
    private final int parking;
    private final int[] slotKeys;
    private final int[] slotOwner;
    private final int[] slotOf;
    /** Per hardware key, the last epoch in which some thread was seen to use it: the clock of recency. */
    private final long[] lastUsed = new long[Pkru.KEYS];
    private final KeyCensus census = new KeyCensus();
    private final MemorySegment epochCell;
    /** Where the epoch lives, for the stubs. */
    final long epochAddress;
    private final int cacheKeyMask;
    private final Retagger retagger;
    private final ThreadRoster roster;
    private final ReentrantLock lock = new ReentrantLock();
    private long epoch = 1;
    private long loads;
    private String broken;

    /**
     * A cache over {@code slotKeys} for the virtual domains of {@code policy}, whose regions
     * ({@code memory}, by policy index) are all parked already.
     */
    KeyCache(Policy policy, DomainMemory[] memory, int parking, int[] slotKeys, Retagger retagger, ThreadRoster roster) {
        if (slotKeys.length == 0) {
            throw new IllegalArgumentException("a key cache needs at least one key");
        }
        this.policy = policy;
        this.memory = memory;
        this.parking = parking;
        this.slotKeys = slotKeys.clone();
        this.slotOwner = new int[slotKeys.length];
        this.slotOf = new int[memory.length];
        Arrays.fill(slotOwner, NONE);
        Arrays.fill(slotOf, NONE);
        int mask = bit(parking);
        for (int k : slotKeys) {
            mask |= bit(k);
        }
        this.cacheKeyMask = mask;
        this.retagger = retagger;
        this.roster = roster;
        // Freed by the collector once no gate can reach this cache: a stub reads it only through a gate.
        this.epochCell = Arena.ofAuto().allocate(ValueLayout.JAVA_LONG);
        this.epochAddress = epochCell.address();
        epochCell.set(ValueLayout.JAVA_LONG, 0, epoch);
    }

    /** How many keys serve the virtual domains. */
    int slots() {
        return slotKeys.length;
    }

    /** The key that parks virtual domains. */
    int parkingKey() {
        return parking;
    }

    /** How many times a virtual domain was loaded into a slot (every miss loads one). */
    long loads() {
        lock.lock();
        try {
            return loads;
        } finally {
            lock.unlock();
        }
    }

    /** The key {@code domain}'s pages carry now: its slot's, or the parking key. */
    int keyOf(Domain domain) {
        lock.lock();
        try {
            int s = slotOf[policy.index(domain)];
            return s == NONE ? parking : slotKeys[s];
        } finally {
            lock.unlock();
        }
    }

    /**
     * The slow path of a crossing into {@code gate}: loads every virtual domain of its scope
     * that holds no key, computes its grant, and takes the calling thread's holds on the
     * grant's keys. Throws, having taken no hold, when no key can be had.
     */
    Grant admit(VirtualMpkGate gate, ThreadState st) {
        lock.lock();
        try {
            if (broken != null) {
                throw new IllegalStateException("the key cache is out of service since " + broken + ": no virtual domain can be entered");
            }
            int[] scope = gate.scope;
            if (scope.length > slotKeys.length) {
                throw new IllegalStateException(gate + " covers " + scope.length + " virtual domains and the key cache has "
                        + slotKeys.length + " keys: nothing was switched");
            }
            Look look = null;
            for (int d : scope) {
                if (slotOf[d] == NONE) {
                    if (look == null) {
                        look = look();
                    }
                    int s = freeSlot();
                    if (s == NONE) {
                        s = victim(scope, look, d);
                        evict(s);
                    }
                    load(d, s);
                }
            }
            Grant g = grant(gate);
            KeyHolders.take(st.keyUse, g.keys());
            gate.grant = g;
            return g;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks {@code st}'s thread as vetted if {@code baseline}, the PKRU its outermost gate
     * saved, denies every key of this cache. Cannot fail.
     */
    void vet(ThreadState st, int baseline) {
        int denied = 0;
        for (int m = cacheKeyMask; m != 0; m &= m - 1) {
            denied |= Pkru.accessDisableBit(Integer.numberOfTrailingZeros(m));
        }
        if ((baseline & denied) == denied) {
            st.vetted = true;
        }
    }

    /** What one eviction knows about the threads: every key's holders, and the keys quarantined for suspects. */
    private record Look(int[] held, int quarantined) {
    }

    /**
     * Moves the epoch (every grant computed so far is refused from now on), fences, and reads
     * every thread's use of the keys. A miss does this before it loads anything, into a free
     * slot too, so the epoch counts misses.
     *
     * <p>A key counts as used since the last look if some thread took it since, holds it now,
     * or held it then ({@link KeyCensus}): a thread started in between may have been started by
     * a thread that held it, and is suspected of it ({@link ThreadRoster}).
     */
    private Look look() {
        epoch++;
        epochCell.set(ValueLayout.JAVA_LONG, 0, epoch);
        java.lang.invoke.VarHandle.fullFence();
        KeyHolders.fence();
        int[] held = new int[Pkru.KEYS];
        int used = census.count(held);
        for (int m = used; m != 0; m &= m - 1) {
            lastUsed[Integer.numberOfTrailingZeros(m)] = epoch;
        }
        return new Look(held, roster.look(used & cacheKeyMask));
    }

    /**
     * Runs the eviction path's bookkeeping once without evicting anything, so that its classes
     * are loaded before the process confines itself and can open no class file.
     */
    void rehearse() {
        lock.lock();
        try {
            Look look = look();
            exhausted(slotOwner[0] == NONE ? 0 : slotOwner[0], look).getMessage();
        } finally {
            lock.unlock();
        }
    }

    /** A slot no domain has (only while the cache fills up). */
    private int freeSlot() {
        for (int s = 0; s < slotKeys.length; s++) {
            if (slotOwner[s] == NONE) {
                return s;
            }
        }
        return NONE;
    }

    /**
     * The slot to evict for {@code wanted}: the least recently used one whose domain is
     * outside {@code scope}, held by no thread and not quarantined.
     */
    private int victim(int[] scope, Look look, int wanted) {
        int best = NONE;
        for (int s = 0; s < slotKeys.length; s++) {
            int k = slotKeys[s];
            if (look.held()[k] == 0 && (look.quarantined() & bit(k)) == 0 && !contains(scope, slotOwner[s])
                    && (best == NONE || lastUsed[k] < lastUsed[slotKeys[best]])) {
                best = s;
            }
        }
        if (best == NONE) {
            throw exhausted(wanted, look);
        }
        return best;
    }

    private IllegalStateException exhausted(int wanted, Look look) {
        List<String> holders = new ArrayList<>();
        for (int s = 0; s < slotKeys.length; s++) {
            int k = slotKeys[s];
            String why = look.held()[k] > 0 ? look.held()[k] + " gate entries"
                    : (look.quarantined() & bit(k)) != 0 ? "inherited by " + roster.suspectsOf(bit(k))
                    : "this crossing";
            holders.add((slotOwner[s] == NONE ? "nothing" : policy.domains().get(slotOwner[s])) + " (key " + k + ", " + why + ")");
        }
        return new IllegalStateException("no protection key free for " + policy.domains().get(wanted) + ": the "
                + slotKeys.length + " keys of the key cache are held by " + String.join(", ", holders)
                + "; nothing was switched (a virtual domain keeps its key while any thread is in a gate that grants it)");
    }

    private void evict(int s) {
        int owner = slotOwner[s];
        retag(owner, parking);
        slotOf[owner] = NONE;
        slotOwner[s] = NONE;
    }

    private void load(int domain, int s) {
        retag(domain, slotKeys[s]);
        slotOf[domain] = s;
        slotOwner[s] = domain;
        lastUsed[slotKeys[s]] = epoch;
        loads++;
    }

    private void retag(int domain, int key) {
        try {
            retagger.tag(memory[domain], key);
        } catch (RuntimeException | Error e) {
            broken = "re-tagging " + policy.domains().get(domain) + " with key " + key + " failed (" + e.getMessage() + ")";
            epoch++;
            epochCell.set(ValueLayout.JAVA_LONG, 0, epoch);
            throw new IllegalStateException("the key cache is out of service: " + broken + "; nothing was switched", e);
        }
    }

    /** {@code gate}'s grant now; every domain of its scope holds a key. */
    private Grant grant(VirtualMpkGate gate) {
        int pkru = gate.pinnedPkru;
        int keys = 0;
        int target = policy.index(gate.target());
        for (int d : gate.scope) {
            int k = slotKeys[slotOf[d]];
            pkru = new Pkru(pkru).with(k, policy.access(target, d)).value();
            keys |= bit(k);
        }
        return new Grant(pkru, keys, epoch);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int bit(int key) {
        return 1 << key;
    }
}
