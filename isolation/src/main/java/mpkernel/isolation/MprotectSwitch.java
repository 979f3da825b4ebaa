package mpkernel.isolation;

import java.util.Arrays;

/**
 * The process-wide rights of the {@code mprotect} backend. Page protection belongs to the
 * address space, not to a thread, so the rights in force are the union of the rights of every
 * domain some thread is currently in (its innermost gate). Threads outside every gate add
 * nothing: with no thread inside a gate, every region is closed ({@code PROT_NONE}), from boot
 * on.
 *
 * <p>The union keeps concurrent threads from faulting on each other's switches, at a price
 * this classic baseline really pays: while one thread is inside a gate into domain D, every
 * other thread of the process, whatever domain it is in and whether or not it is in a gate at
 * all, has D's rights over every region. MPK has per-thread rights and no such window.
 *
 * <p>Any failure while changing protections (a failed {@code mprotect}, bookkeeping that does
 * not add up) closes every region for good and marks the switch broken: later crossings fail,
 * and no thread keeps rights it should not have.
 */
final class MprotectSwitch {

    /** Index meaning "outside every gate". */
    static final int OUTSIDE = -1;

    private final Policy policy;
    private final DomainMemory[] regions;
    private final Access[] current;
    private final int[] threadsIn;
    private boolean closed;

    /** Takes over {@code regions}, mapped read-write, and closes them all. */
    MprotectSwitch(Policy policy, DomainMemory[] regions) {
        this.policy = policy;
        this.regions = regions;
        this.current = new Access[regions.length];
        this.threadsIn = new int[policy.domains().size()];
        Arrays.fill(current, Access.READ_WRITE);
        apply();
    }

    /**
     * One thread moves from domain {@code from} to domain {@code to} (either may be
     * {@link #OUTSIDE}). If it throws, either nothing changed (a closed switch) or every
     * region is closed for good.
     */
    synchronized void move(int from, int to) {
        if (closed) {
            throw new IllegalStateException("isolation is closed");
        }
        try {
            if (from != OUTSIDE) {
                if (threadsIn[from] <= 0) {
                    throw new IllegalStateException("no thread was in " + policy.domains().get(from));
                }
                threadsIn[from]--;
            }
            if (to != OUTSIDE) {
                threadsIn[to]++;
            }
            apply();
        } catch (RuntimeException | Error e) {
            closeEverything();
            throw e;
        }
    }

    private void apply() {
        for (int r = 0; r < regions.length; r++) {
            Access want = union(regions[r].domain());
            if (want != current[r]) {
                RegionSyscalls.mprotect(regions[r].address(), regions[r].byteSize(), protection(want));
                current[r] = want;
            }
        }
    }

    /** The most any occupied domain may do to {@code owner}'s memory; nothing if no domain is occupied. */
    private Access union(Domain owner) {
        Access best = Access.NONE;
        for (int d = 0; d < threadsIn.length; d++) {
            if (threadsIn[d] > 0) {
                Access a = policy.access(policy.domains().get(d), owner);
                if (a.ordinal() < best.ordinal()) {
                    best = a;
                }
            }
        }
        return best;
    }

    /** Closes every region, ignoring failures, and refuses all later moves. */
    private void closeEverything() {
        closed = true;
        for (int r = 0; r < regions.length; r++) {
            try {
                RegionSyscalls.mprotect(regions[r].address(), regions[r].byteSize(), Libc.PROT_NONE);
                current[r] = Access.NONE;
            } catch (RuntimeException ignored) {
                // the others still get closed
            }
        }
    }

    /** Closes every region for good (the isolation shuts down). */
    synchronized void close() {
        if (!closed) {
            closeEverything();
        }
    }

    static int protection(Access access) {
        return switch (access) {
            case READ_WRITE -> Libc.PROT_READ | Libc.PROT_WRITE;
            case READ_ONLY -> Libc.PROT_READ;
            case NONE -> Libc.PROT_NONE;
        };
    }
}
