package mpkernel.isolation;

import java.lang.foreign.MemorySegment;

/**
 * One domain's private region: page-aligned, tagged with the domain's key (under
 * {@link Backend#MPK}), unmapped when the {@link Isolation} closes, after which its segments
 * are no longer alive. There is no second, unprotected view of it: code that must reach a
 * region (a device emulation included) does so from a domain the policy grants it to.
 */
public final class DomainMemory {
    private final Domain domain;
    private final int key;
    private final MemorySegment segment;

    DomainMemory(Domain domain, int key, MemorySegment segment) {
        this.domain = domain;
        this.key = key;
        this.segment = segment;
    }

    /** The owning domain. */
    public Domain domain() {
        return domain;
    }

    /**
     * The protection key the region is tagged with (a real pkey only under {@link Backend#MPK}).
     * For a virtual domain with a key cache, its key at rest, the parking key: while it holds a
     * cache key its pages carry that one instead.
     */
    public int key() {
        return key;
    }

    /** The whole region. Accesses are checked by the backend: a denied one kills the JVM. */
    public MemorySegment segment() {
        return segment;
    }

    /** Start address. */
    public long address() {
        return segment.address();
    }

    /** Size in bytes, a multiple of the page size. */
    public long byteSize() {
        return segment.byteSize();
    }

    /** Whether {@code address} lies inside this region. */
    public boolean contains(long address) {
        return address >= address() && address - address() < byteSize();
    }

    @Override
    public String toString() {
        return String.format("%s[key %d, 0x%x..0x%x]", domain, key, address(), address() + byteSize());
    }
}
