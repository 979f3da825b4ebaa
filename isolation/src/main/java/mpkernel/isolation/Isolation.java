package mpkernel.isolation;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A booted policy: one mapped, tagged region per domain and one gate per domain, enforced by
 * one backend until {@link #close()}.
 *
 * <p>Rights outside gates: under {@code mpk} the keys are allocated access-disabled, so the
 * booting thread, and every thread it starts later, has no rights on any region outside a
 * gate; threads made by {@link #newThread} set their own baseline when they start. Under
 * {@code mprotect} every region is closed while no thread is inside a gate
 * ({@link MprotectSwitch}). So the code that builds a system on an isolation does its work on
 * domain memory inside gates.
 *
 * <p>Virtual domains ({@link Policy.Builder#virtualDomain}) share a {@link KeyCache} under
 * {@code mpk} (and {@code mpk-dry}): a parked virtual domain's pages carry a key no thread is
 * ever granted, and a crossing into a gate whose rights cover it gives it a key first. Under
 * {@code mprotect} and {@code none} there is no key to share and they are domains like any other.
 */
public final class Isolation implements AutoCloseable {

    private final Backend backend;
    private final Policy policy;
    private final long base;
    private final Arena arena = Arena.ofShared();
    private final Map<Domain, DomainMemory> memory = new LinkedHashMap<>();
    /** The gate into each domain; absent where its rights cover more virtual domains than the key cache has keys. */
    private final Map<Domain, Gate> gates = new LinkedHashMap<>();
    /** The gates with a scope, by target and scope. */
    private final Map<List<Object>, Gate> scopedGates = new ConcurrentHashMap<>();
    private final Keys keys;
    private MprotectSwitch mprotect;
    private KeyCache keyCache;
    private long reservation;
    private volatile boolean closed;

    private Isolation(Backend backend, Policy policy, long base) {
        this.backend = backend;
        this.policy = policy;
        this.base = base;
        this.keys = new Keys(backend, policy);
    }

    /**
     * Maps and tags every domain's region, wherever the OS likes, and builds the gates.
     *
     * @throws IsolationUnavailableException if {@code backend} cannot run here (no PKU for
     *     {@code mpk}, or the key budget is exhausted), with a one-line reason
     */
    public static Isolation boot(Backend backend, Policy policy) {
        return boot(backend, policy, 0);
    }

    /**
     * Like {@link #boot(Backend, Policy)}, with the regions exactly where
     * {@link RegionLayout#plan RegionLayout.plan(policy, base)} says (nowhere else: boot fails
     * if that range is taken), so that a parent process knows the layout without asking.
     */
    public static Isolation boot(Backend backend, Policy policy, long base) {
        if (base % Libc.PAGE != 0) {
            throw new IllegalArgumentException(String.format("base 0x%x is not page-aligned", base));
        }
        Isolation iso = new Isolation(backend, policy, base);
        try {
            iso.map();
        } catch (RuntimeException | Error e) {
            iso.close();
            throw e;
        }
        return iso;
    }

    private void map() {
        if (backend == Backend.MPK) {
            Pku pku = Pku.probe();
            if (!pku.available()) {
                throw new IsolationUnavailableException("backend mpk needs PKU (protection keys), and this machine has none: "
                        + pku.describe() + "; use --backend mprotect here, or run inside the PKU guest with ./mpk qemu -- ...");
            }
        }
        boolean keyed = backend == Backend.MPK || backend == Backend.MPK_DRY;
        boolean cached = keyed && policy.hasVirtualDomains();
        if (cached) {
            KeyHolders.requireFence();
        }
        long total = RegionLayout.bytes(policy);
        reservation = Libc.reserve(total, base);
        RegionLayout plan = RegionLayout.plan(policy, reservation);
        List<Domain> domains = policy.domains();
        int[] key = new int[domains.size()];
        for (int i = 0; i < key.length; i++) {
            RegionLayout.Region r = plan.regions().get(i);
            Libc.mmapAnonymousAt(r.start(), r.end() - r.start());
            key[i] = backend == Backend.MPK && !policy.isVirtual(i) ? keys.tag(domains.get(i), r.start(), r.end() - r.start()) : r.key();
        }
        Keys.CacheKeys cacheKeys = cached ? keys.forCache() : null;
        DomainMemory[] byIndex = new DomainMemory[domains.size()];
        for (int i = 0; i < byIndex.length; i++) {
            RegionLayout.Region r = plan.regions().get(i);
            boolean parked = cacheKeys != null && policy.isVirtual(i);
            byIndex[i] = region(domains.get(i), parked ? cacheKeys.parking() : key[i], r.start(), r.end() - r.start());
            if (parked) {
                cacheKeys.retagger().tag(byIndex[i], cacheKeys.parking());
            }
            memory.put(domains.get(i), byIndex[i]);
        }
        if (cacheKeys != null) {
            keyCache = new KeyCache(policy, byIndex, cacheKeys.parking(), cacheKeys.slots(), cacheKeys.retagger(),
                    new ThreadRoster(backend == Backend.MPK));
        }
        if (backend == Backend.MPROTECT) {
            mprotect = new MprotectSwitch(policy, byIndex);
        }
        for (Domain d : domains) {
            Gate g = newGate(d, null);
            if (g != null) {
                gates.put(d, g);
            }
        }
    }

    private DomainMemory region(Domain d, int key, long address, long bytes) {
        MemorySegment segment = MemorySegment.ofAddress(address)
                .reinterpret(bytes, arena, s -> RegionSyscalls.munmap(s.address(), s.byteSize()));
        return new DomainMemory(d, key, segment);
    }

    /**
     * A gate into {@code target} whose rights over virtual domains are limited to
     * {@code scope} (by policy index; {@code null}: none left out), or {@code null} if those
     * are more than the key cache has keys.
     */
    private Gate newGate(Domain target, boolean[] scope) {
        return switch (backend) {
            case NONE -> new NoneGate(target);
            case MPROTECT -> new MprotectGate(mprotect, target, mprotect.row(target, scope));
            case MPK, MPK_DRY -> {
                PkruRegister register = backend == Backend.MPK ? PkruRegister.HARDWARE : PkruRegister.EMULATED;
                int running = policy.index(target);
                Pkru pinned = Pkru.DENY_ALL;
                int[] virtualReach = new int[policy.reach(running).length];
                int n = 0;
                for (int owner : policy.reach(running)) {
                    if (!policy.isVirtual(owner)) {
                        pinned = pinned.with(memory.get(policy.domains().get(owner)).key(), policy.access(running, owner));
                    } else if (scope == null || owner == running || scope[owner]) {
                        virtualReach[n++] = owner;
                    }
                }
                if (n == 0) {
                    yield new MpkGate(this, target, pinned, register);
                }
                yield n > keyCache.slots() ? null
                        : new VirtualMpkGate(this, target, keyCache, register, pinned, java.util.Arrays.copyOf(virtualReach, n));
            }
        };
    }

    /** The backend enforcing the policy. */
    public Backend backend() {
        return backend;
    }

    /** The booted policy. */
    public Policy policy() {
        return policy;
    }

    /** The region of {@code domain}. */
    public DomainMemory memory(Domain domain) {
        DomainMemory m = memory.get(domain);
        if (m == null) {
            throw new IllegalArgumentException("domain " + domain + " is not declared; declared: " + policy.domains());
        }
        return m;
    }

    /**
     * The gate into {@code domain}.
     *
     * @throws IllegalStateException under {@code mpk} (and {@code mpk-dry}) if the rights of
     *     {@code domain} cover more virtual domains than the key cache has keys: such a
     *     domain is entered through {@link #gate(Domain, Domain...)}, naming the ones a
     *     crossing needs
     */
    public Gate gate(Domain domain) {
        memory(domain);
        Gate g = gates.get(domain);
        if (g == null) {
            throw new IllegalStateException(domain + " may touch " + virtualReach(domain).size() + " virtual domains and the key cache has "
                    + keyCache.slots() + " keys: cross it with gate(" + domain + ", the virtual domains this crossing needs)");
        }
        return g;
    }

    /**
     * The gate into {@code target} with its rights over virtual domains limited to
     * {@code scope}: inside it, code has the rights of {@code target} over every pinned
     * domain, over its own memory and over the domains of {@code scope}, and none over any
     * other virtual domain, whatever the policy grants. It needs a key per domain of its scope,
     * not per virtual domain {@code target} may touch: how a domain with rights over many
     * virtual domains (a kernel over its tasks) is entered under {@code mpk}, one task at a
     * time, as libmpk's {@code mpk_begin} opens one virtual key. The same gate object is
     * returned for the same target and scope.
     *
     * @param scope virtual domains over which {@code target} has rights
     * @throws IllegalArgumentException if a domain of {@code scope} is not virtual, or
     *     {@code target} has no rights over it, or the scope needs more keys than the key
     *     cache has
     */
    public Gate gate(Domain target, Domain... scope) {
        memory(target);
        int running = policy.index(target);
        boolean[] in = new boolean[policy.domains().size()];
        List<Object> key = new ArrayList<>(List.of(target));
        for (Domain d : scope) {
            int i = policy.index(d);
            if (!policy.isVirtual(i)) {
                throw new IllegalArgumentException("a gate's scope names virtual domains only; " + d + " is pinned");
            }
            if (policy.access(running, i) == Access.NONE) {
                throw new IllegalArgumentException(target + " has no rights over " + d + ", so a gate into it cannot be scoped to it");
            }
            in[i] = true;
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                key.add(i);
            }
        }
        if (backend == Backend.NONE) {
            return gates.get(target);
        }
        Gate g = scopedGates.computeIfAbsent(key, k -> newGate(target, in));
        if (g == null) {
            throw new IllegalArgumentException("a gate scoped to " + List.of(scope) + " needs more keys than the key cache's " + keyCache.slots());
        }
        return g;
    }

    /** The virtual domains the rights of {@code domain} cover. */
    private List<Domain> virtualReach(Domain domain) {
        List<Domain> out = new ArrayList<>();
        for (int owner : policy.reach(policy.index(domain))) {
            if (policy.isVirtual(owner)) {
                out.add(policy.domains().get(owner));
            }
        }
        return out;
    }

    /**
     * The PKRU value code in {@code domain} runs with (meaningful as hardware state only under
     * {@link Backend#MPK}). Where its rights cover virtual domains, their keys as they are now.
     *
     * @throws IllegalStateException if such a virtual domain holds no key now (inside a gate
     *     into {@code domain} they all do)
     */
    public Pkru pkru(Domain domain) {
        return policy.pkru(domain, d -> {
            int key = keyOf(d);
            if (keyCache != null && key == keyCache.parkingKey()) {
                throw new IllegalStateException(d + " holds no key now: read the PKRU of " + domain + " inside its gate");
            }
            return key;
        });
    }

    /** The protection key {@code domain}'s pages carry now (under {@code mpk}; nominal under the other backends). */
    int keyOf(Domain domain) {
        return keyCache != null && policy.isVirtual(domain) ? keyCache.keyOf(domain) : memory(domain).key();
    }

    /** How many keys the virtual domains share: 0 where there is no key cache (no virtual domain, or backend none or mprotect). */
    public int cacheKeys() {
        return keyCache == null ? 0 : keyCache.slots();
    }

    /** How many times a virtual domain was given a key, each time a crossing found one without (0 where there is no key cache). */
    public long keyLoads() {
        return keyCache == null ? 0 : keyCache.loads();
    }

    /** The key cache, or {@code null}. */
    KeyCache keyCache() {
        return keyCache;
    }

    /** Where the regions are. */
    public RegionLayout layout() {
        List<RegionLayout.Region> regions = new ArrayList<>();
        for (DomainMemory m : memory.values()) {
            regions.add(new RegionLayout.Region(m.domain().name(), m.key(), m.address(), m.address() + m.byteSize()));
        }
        return new RegionLayout(regions);
    }

    /**
     * A new platform thread whose gate crossings skip a thread-local lookup and whose rights
     * outside every gate are {@code baseline}'s (under {@link Backend#MPK} it writes them
     * itself when it starts, whatever rights the thread that created it had). A {@code null}
     * baseline means no rights on any region.
     */
    public Thread newThread(String name, Domain baseline, Runnable task) {
        return newThread(null, name, baseline, task);
    }

    /** Like {@link #newThread(String, Domain, Runnable)}, in thread group {@code group} (null: the creator's). */
    public Thread newThread(ThreadGroup group, String name, Domain baseline, Runnable task) {
        if (baseline != null && !virtualReach(baseline).isEmpty()) {
            throw new IllegalArgumentException("a thread's rights outside every gate cannot cover virtual domains, whose keys move: "
                    + baseline + " covers " + virtualReach(baseline) + "; start the thread without a baseline and enter its domain's gate");
        }
        int pkru = baseline == null ? Pkru.DENY_ALL.value() : pkru(baseline).value();
        return new DomainThread(group, name, task, backend == Backend.MPK ? PkruRegister.HARDWARE : null, pkru);
    }

    /**
     * Makes threads like {@link #newThread} with no baseline rights, named
     * {@code namePrefix-1}, {@code namePrefix-2}, ..., for a pool that outlives any one
     * isolation, such as a benchmark harness's workers: a thread's gate state belongs to the
     * thread, so crossings on these threads skip the thread-local lookup whatever isolation
     * their gates belong to.
     */
    public static ThreadFactory threadFactory(String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> new DomainThread(null, namePrefix + "-" + n.incrementAndGet(), task, null, 0);
    }

    /** The innermost domain this thread entered through a gate, or {@code null} outside every gate (not tracked under {@link Backend#NONE}). */
    public static Domain currentDomain() {
        return ThreadState.current().top();
    }

    /**
     * Verifies, without provoking a fault, that the protection in force matches the policy:
     * the PKRU value in each gate and each region's key under {@code mpk}, each region's page
     * permissions in each gate under {@code mprotect}. Nothing to verify under {@code none}.
     *
     * @return the mismatches found, empty if none
     */
    public List<String> selfCheck() {
        return SelfCheck.run(this);
    }

    /**
     * Closes the paths around the isolation for the rest of this process's life: see
     * {@link Confinement}. Call it once everything the process will ever need from the OS
     * (files, libraries, classes) is open or loaded.
     *
     * @param strict refuse (throw {@link IsolationUnavailableException}) where the OS lacks a
     *     mechanism, rather than go on unconfined
     * @return one line for the boot log: what is confined and what is not
     */
    public String confine(boolean strict) {
        checkOpen();
        if (keyCache != null) {
            keyCache.rehearse();
        }
        return Confinement.install(this, strict);
    }

    /** The reserved address range holding every region: {@code [start, end)}. */
    long[] reservedRange() {
        return new long[] {reservation, reservation + RegionLayout.bytes(policy)};
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("isolation is closed");
        }
    }

    /** Closes every region, unmaps them and frees the keys; segments handed out die with it. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (mprotect != null) {
            mprotect.close();
        }
        arena.close();
        keys.free();
    }

    @Override
    public String toString() {
        return "Isolation[" + backend.cliName() + ", " + memory.values() + "]";
    }
}
