package mpkernel.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
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
 * <p>If the system property {@code mpk.layout} names a file, boot writes the
 * {@link RegionLayout} there, so that a parent process can map a fault address to a domain.
 */
public final class Isolation implements AutoCloseable {

    private final Backend backend;
    private final Policy policy;
    private final Arena arena = Arena.ofShared();
    private final Map<Domain, DomainMemory> memory = new LinkedHashMap<>();
    private final Map<Domain, Gate> gates = new LinkedHashMap<>();
    private final List<Integer> allocatedKeys = new ArrayList<>();
    private MprotectSwitch mprotect;
    private volatile boolean closed;

    private Isolation(Backend backend, Policy policy) {
        this.backend = backend;
        this.policy = policy;
    }

    /**
     * Maps and tags every domain's region and builds the gates.
     *
     * @throws IsolationUnavailableException if {@code backend} cannot run here (no PKU for
     *     {@code mpk}, or the key budget is exhausted), with a one-line reason
     */
    public static Isolation boot(Backend backend, Policy policy) {
        Isolation iso = new Isolation(backend, policy);
        try {
            iso.map();
        } catch (RuntimeException | Error e) {
            iso.close();
            throw e;
        }
        String layoutFile = System.getProperty("mpk.layout");
        if (layoutFile != null && !layoutFile.isBlank()) {
            try {
                iso.layout().writeTo(Path.of(layoutFile));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write region layout to " + layoutFile, e);
            }
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
        // One reservation holds every region, back to back, the first-declared domain at the top
        // (like a kernel above its applications): layouts are predictable, and an overflow off
        // the end of one region lands in its neighbour, not in some unrelated mapping.
        long total = 0;
        for (Domain d : policy.domains()) {
            total += roundToPages(policy.regionSize(d));
        }
        long top = Libc.reserve(total) + total;
        int virtualKey = 1;
        for (Domain d : policy.domains()) {
            long bytes = roundToPages(policy.regionSize(d));
            long address = top - bytes;
            top = address;
            long deviceAddress = 0;
            if (policy.isDeviceVisible(d)) {
                deviceAddress = Libc.mmapAliasedAt("mpk-" + d.name(), address, bytes);
            } else {
                Libc.mmapAnonymousAt(address, bytes);
            }
            int key = switch (backend) {
                case MPK -> tagWithNewKey(d, address, bytes);
                case NONE, MPROTECT, MPK_DRY -> virtualKey++;
            };
            MemorySegment segment = MemorySegment.ofAddress(address)
                    .reinterpret(bytes, arena, s -> Libc.munmap(s.address(), s.byteSize()));
            MemorySegment deviceView = deviceAddress == 0 ? null : MemorySegment.ofAddress(deviceAddress)
                    .reinterpret(bytes, arena, v -> Libc.munmap(v.address(), v.byteSize()));
            memory.put(d, new DomainMemory(d, key, segment, deviceView));
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

    private int tagWithNewKey(Domain d, long address, long bytes) {
        Libc.Result key = Libc.pkeyAlloc(0);
        if (key.failed()) {
            Libc.munmap(address, bytes);
            throw new IsolationUnavailableException(key.errno() == 28
                    ? "out of protection keys while tagging " + d + ": the policy declares " + policy.domains()
                      + " and the OS has no key left (16 keys, key 0 shared, Linux may reserve one)"
                    : "pkey_alloc failed for " + d + " with errno " + key.errno());
        }
        allocatedKeys.add((int) key.value());
        Libc.Result rc = Libc.pkeyMprotect(address, bytes, Libc.PROT_READ | Libc.PROT_WRITE, (int) key.value());
        if (rc.failed()) {
            Libc.munmap(address, bytes);
            throw new IsolationUnavailableException("pkey_mprotect failed for " + d + " with errno " + rc.errno());
        }
        return (int) key.value();
    }

    private static long roundToPages(long bytes) {
        return (bytes + Libc.PAGE - 1) & -Libc.PAGE;
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
     * A new platform thread whose gate crossings skip a thread-local lookup. Under
     * {@link Backend#MPK} it starts with the creating thread's PKRU (the OS copies it).
     */
    public Thread newThread(String name, Runnable task) {
        return new DomainThread(name, task);
    }

    /**
     * Makes threads like {@link #newThread}, named {@code namePrefix-1}, {@code namePrefix-2}, ...,
     * for a pool that outlives any one isolation, such as a benchmark harness's workers: a
     * thread's gate state belongs to the thread, so crossings on these threads skip the
     * thread-local lookup whatever isolation their gates belong to.
     */
    public static ThreadFactory threadFactory(String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> new DomainThread(namePrefix + "-" + n.incrementAndGet(), task);
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

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("isolation is closed");
        }
    }

    /** Unmaps every region and frees the keys; segments handed out die with it. Idempotent. */
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
