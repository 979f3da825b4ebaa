package mpkernel.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each domain's region lies. A parent process computes it with {@link #plan} before it
 * starts a child, passes the base address to the child, which maps its regions exactly there,
 * and maps a fault address from the child's crash report back to the domain whose memory was
 * touched with its own copy: nothing the child writes decides the attribution.
 *
 * <p>Text format, one region a line: {@code region <DOMAIN> <key> 0x<start> 0x<end>}.
 *
 * @param regions the regions, in policy order
 */
public record RegionLayout(List<Region> regions) {

    /** A domain's region: {@code [start, end)}. */
    public record Region(String domain, int key, long start, long end) {
        /** Whether {@code address} is inside. */
        public boolean contains(long address) {
            return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
        }
    }

    public RegionLayout {
        regions = List.copyOf(regions);
    }

    /** The region holding {@code address}, if any. */
    public Optional<Region> find(long address) {
        return regions.stream().filter(r -> r.contains(address)).findFirst();
    }

    /** The region of {@code domain}. */
    public Optional<Region> of(String domain) {
        return regions.stream().filter(r -> r.domain().equals(domain)).findFirst();
    }

    /** The layout as text. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Region r : regions) {
            sb.append(String.format("region %s %d 0x%x 0x%x%n", r.domain(), r.key(), r.start(), r.end()));
        }
        return sb.toString();
    }

    /** Parses {@link #format()}'s output; other lines are ignored. */
    public static RegionLayout parse(String text) {
        List<Region> regions = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5 && f[0].equals("region")) {
                regions.add(new Region(f[1], Integer.parseInt(f[2]),
                        Long.parseUnsignedLong(f[3].substring(2), 16), Long.parseUnsignedLong(f[4].substring(2), 16)));
            }
        }
        return new RegionLayout(regions);
    }

    /**
     * The layout {@link Isolation#boot(Backend, Policy, long)} gives {@code policy} at
     * {@code base}: one reservation of {@link #bytes} holding every region back to back, each
     * rounded up to pages, the first-declared domain at the top (like a kernel above its
     * applications), so that an overflow off the end of one region lands in its neighbour.
     * Pinned domains' keys are numbered 1, 2, ... in declaration order, and every virtual
     * domain has the number after the last pinned one, the key that parks them; under
     * {@code mpk} the real keys are whatever {@code pkey_alloc} returned.
     */
    public static RegionLayout plan(Policy policy, long base) {
        long top = base + bytes(policy);
        int pinned = (int) policy.domains().stream().filter(d -> !policy.isVirtual(d)).count();
        int key = 1;
        List<Region> regions = new ArrayList<>();
        for (Domain d : policy.domains()) {
            long size = roundToPages(policy.regionSize(d));
            regions.add(new Region(d.name(), policy.isVirtual(d) ? pinned + 1 : key++, top - size, top));
            top -= size;
        }
        return new RegionLayout(regions);
    }

    /** Bytes of address space the regions of {@code policy} take together. */
    public static long bytes(Policy policy) {
        long total = 0;
        for (Domain d : policy.domains()) {
            total += roundToPages(policy.regionSize(d));
        }
        return total;
    }

    /**
     * A base address for {@link #plan} that is page-aligned, random, and far from where Linux
     * puts the Java heap (low), shared libraries and thread stacks (near the top of the 47-bit
     * user space): between 16 and 32 TiB.
     */
    public static long randomBase(java.util.random.RandomGenerator random) {
        long gib = 1L << 30;
        return (16L << 40) + gib * random.nextLong(16L << 10);
    }

    private static long roundToPages(long bytes) {
        return (bytes + Libc.PAGE - 1) & -Libc.PAGE;
    }
}
