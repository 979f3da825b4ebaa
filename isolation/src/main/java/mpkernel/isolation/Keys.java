package mpkernel.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The protection keys of one isolation: under {@code mpk} allocated with {@code pkey_alloc},
 * access-disabled (so the booting thread gets no rights on them), and freed when the isolation
 * closes; under {@code mpk-dry} nominal numbers, as {@link RegionLayout#plan} gives the pinned
 * domains, and nothing to free.
 */
final class Keys {

    /** The keys of a {@link KeyCache}, and how it re-tags a region. */
    record CacheKeys(int parking, int[] slots, KeyCache.Retagger retagger) {
    }

    private final Backend backend;
    private final Policy policy;
    private final List<Integer> allocated = new ArrayList<>();

    Keys(Backend backend, Policy policy) {
        this.backend = backend;
        this.policy = policy;
    }

    /** Allocates a key for pinned domain {@code d} and tags its region with it ({@link Backend#MPK} only). */
    int tag(Domain d, long address, long bytes) {
        int key = allocate(d.toString());
        Libc.Result rc = Libc.pkeyMprotect(address, bytes, Libc.PROT_READ | Libc.PROT_WRITE, key);
        if (rc.failed()) {
            throw new IsolationUnavailableException("pkey_mprotect failed for " + d + " with errno " + rc.errno());
        }
        return key;
    }

    /**
     * The keys of the virtual domains, allocated after the pinned domains': a parking key and
     * as many keys as the policy allows and the OS has left, re-tagged with
     * {@code pkey_mprotect}. Under {@code mpk-dry}, the numbers after the pinned domains', and
     * a parked region's pages are {@code PROT_NONE} (the same page-table work as a re-tag, on
     * any CPU).
     */
    CacheKeys forCache() {
        int pinned = pinned().size();
        int room = Policy.MAX_PINNED - pinned - 1;
        int wanted = policy.keyCacheLimit() > 0 ? Math.min(policy.keyCacheLimit(), room) : room;
        if (backend == Backend.MPK_DRY) {
            int parking = pinned + 1;
            int[] slots = new int[wanted];
            Arrays.setAll(slots, i -> parking + 1 + i);
            return new CacheKeys(parking, slots, (region, key) -> RegionSyscalls.mprotect(region.address(), region.byteSize(),
                    key == parking ? Libc.PROT_NONE : Libc.PROT_READ | Libc.PROT_WRITE));
        }
        int parking = allocate("the parking key of the virtual domains");
        List<Integer> slots = new ArrayList<>();
        while (slots.size() < wanted) {
            Libc.Result key = Libc.pkeyAlloc(Libc.PKEY_DISABLE_ACCESS);
            if (key.failed()) {
                break;
            }
            allocated.add((int) key.value());
            slots.add((int) key.value());
        }
        if (slots.isEmpty()) {
            throw new IsolationUnavailableException("no protection key left for the virtual domains: the " + pinned
                    + " pinned domains and the parking key took the rest (Linux may reserve one)");
        }
        return new CacheKeys(parking, slots.stream().mapToInt(Integer::intValue).toArray(),
                (region, key) -> RegionSyscalls.pkeyMprotect(region.address(), region.byteSize(), key));
    }

    private int allocate(String what) {
        Libc.Result key = Libc.pkeyAlloc(Libc.PKEY_DISABLE_ACCESS);
        if (key.failed()) {
            throw new IsolationUnavailableException(key.errno() == 28
                    ? "out of protection keys while allocating " + what + ": the policy pins " + pinned()
                      + " and the OS has no key left (16 keys, key 0 shared, Linux may reserve one)"
                    : "pkey_alloc failed for " + what + " with errno " + key.errno());
        }
        allocated.add((int) key.value());
        return (int) key.value();
    }

    private List<Domain> pinned() {
        return policy.domains().stream().filter(d -> !policy.isVirtual(d)).toList();
    }

    /** Frees every key allocated. */
    void free() {
        for (int key : allocated) {
            Libc.pkeyFree(key);
        }
        allocated.clear();
    }
}
