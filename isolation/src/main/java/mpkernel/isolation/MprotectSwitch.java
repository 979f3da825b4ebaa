package mpkernel.isolation;

import java.util.Arrays;

/**
 * The process-wide rights of the {@code mprotect} backend. Page protection belongs to the
 * address space, not to a thread, so the rights in force are the union of the rights of every
 * domain some thread is currently in (its innermost gate); with no thread inside a gate, every
 * region is open, as after boot.
 *
 * <p>The union keeps concurrent threads from faulting on each other's switches, at a price
 * this classic baseline really pays: while a thread is in the safe kernel, a user thread
 * running at the same moment can reach kernel memory. MPK has per-thread rights and no such
 * window.
 */
final class MprotectSwitch {

    /** Index meaning "outside every gate". */
    static final int OUTSIDE = -1;

    private final Policy policy;
    private final DomainMemory[] regions;
    private final Access[] current;
    private final int[] threadsIn;
    private boolean closed;

    MprotectSwitch(Policy policy, DomainMemory[] regions) {
        this.policy = policy;
        this.regions = regions;
        this.current = new Access[regions.length];
        this.threadsIn = new int[policy.domains().size()];
        Arrays.fill(current, Access.READ_WRITE);
    }

    /** One thread moves from domain {@code from} to domain {@code to} (either may be {@link #OUTSIDE}). */
    synchronized void move(int from, int to) {
        if (closed) {
            throw new IllegalStateException("isolation is closed");
        }
        if (from != OUTSIDE) {
            threadsIn[from]--;
        }
        if (to != OUTSIDE) {
            threadsIn[to]++;
        }
        apply();
    }

    private void apply() {
        for (int r = 0; r < regions.length; r++) {
            Access want = union(regions[r].domain());
            if (want != current[r]) {
                Libc.mprotect(regions[r].address(), regions[r].byteSize(), protection(want));
                current[r] = want;
            }
        }
    }

    /** The most any occupied domain may do to {@code owner}'s memory; everything if no domain is occupied. */
    private Access union(Domain owner) {
        Access best = null;
        for (int d = 0; d < threadsIn.length; d++) {
            if (threadsIn[d] > 0) {
                Access a = policy.access(policy.domains().get(d), owner);
                if (best == null || a.ordinal() < best.ordinal()) {
                    best = a;
                }
            }
        }
        return best == null ? Access.READ_WRITE : best;
    }

    synchronized void close() {
        closed = true;
    }

    static int protection(Access access) {
        return switch (access) {
            case READ_WRITE -> Libc.PROT_READ | Libc.PROT_WRITE;
            case READ_ONLY -> Libc.PROT_READ;
            case NONE -> Libc.PROT_NONE;
        };
    }
}
