package mpkernel.isolation;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class Isolation implements AutoCloseable {

    private final Backend backend;
    private final Policy policy;
    private final long base;
    private final Arena arena = Arena.ofShared();
    private final Map<Domain, DomainMemory> memory = new LinkedHashMap<>();
    private final Map<Domain, Gate> gates = new LinkedHashMap<>();
    private final List<Integer> allocatedKeys = new ArrayList<>();
    private MprotectSwitch mprotect;
    private long reservation;
    private volatile boolean closed;

    private Isolation(Backend backend, Policy policy, long base) {
        this.backend = backend;
        this.policy = policy;
        this.base = base;
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
        long total = RegionLayout.bytes(policy);
        reservation = Libc.reserve(total, base);
        RegionLayout plan = RegionLayout.plan(policy, reservation);
        for (RegionLayout.Region r : plan.regions()) {
            Domain d = new Domain(r.domain());
            long bytes = r.end() - r.start();
            Libc.mmapAnonymousAt(r.start(), bytes);
            int key = switch (backend) {
                case MPK -> tagWithNewKey(d, r.start(), bytes);
                case NONE, MPROTECT, MPK_DRY -> r.key();
            };
            MemorySegment segment = MemorySegment.ofAddress(r.start())
                    .reinterpret(bytes, arena, s -> RegionSyscalls.munmap(s.address(), s.byteSize()));
            memory.put(d, new DomainMemory(d, key, segment));
        }
        if (backend == Backend.MPROTECT) {
            mprotect = new MprotectSwitch(policy, memory.values().toArray(DomainMemory[]::new));
        }
        for (Domain d : policy.domains()) {
            gates.put(d, switch (backend) {
                case NONE -> new NoneGate(d);
                case MPK -> new MpkGate(this, d, pkru(d), PkruRegister.HARDWARE);
                case MPK_DRY -> new MpkGate(this, d, pkru(d), PkruRegister.EMULATED);
                case MPROTECT -> new MprotectGate(mprotect, policy, d);
            });
        }
    }

    /**
     * Allocates a key access-disabled (so the booting thread gets no rights on it) and tags
     * the region with it.
     */
    private int tagWithNewKey(Domain d, long address, long bytes) {
        Libc.Result key = Libc.pkeyAlloc(Libc.PKEY_DISABLE_ACCESS);
        if (key.failed()) {
            throw new IsolationUnavailableException(key.errno() == 28
                    ? "out of protection keys while tagging " + d + ": the policy declares " + policy.domains()
                      + " and the OS has no key left (16 keys, key 0 shared, Linux may reserve one)"
                    : "pkey_alloc failed for " + d + " with errno " + key.errno());
        }
        allocatedKeys.add((int) key.value());
        Libc.Result rc = Libc.pkeyMprotect(address, bytes, Libc.PROT_READ | Libc.PROT_WRITE, (int) key.value());
        if (rc.failed()) {
            throw new IsolationUnavailableException("pkey_mprotect failed for " + d + " with errno " + rc.errno());
        }
        return (int) key.value();
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

    /** The gate into {@code domain}. */
    public Gate gate(Domain domain) {
        memory(domain);
        return gates.get(domain);
    }

    /** The PKRU value code in {@code domain} runs with (meaningful as hardware state only under {@link Backend#MPK}). */
    public Pkru pkru(Domain domain) {
        return policy.pkru(domain, d -> memory(d).key());
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
        for (int key : allocatedKeys) {
            Libc.pkeyFree(key);
        }
        allocatedKeys.clear();
    }

    @Override
    public String toString() {
        return "Isolation[" + backend.cliName() + ", " + memory.values() + "]";
    }
}
