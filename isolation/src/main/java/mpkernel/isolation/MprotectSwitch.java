package mpkernel.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process-wide rights of the {@code mprotect} backend. Page protection belongs to the
 * address space, not to a thread, so the rights in force are the union of the rights of every
 * gate some thread is currently in (its innermost gate). Threads outside every gate add
 * nothing: with no thread inside a gate, every region is closed ({@code PROT_NONE}), from boot
 * on.
 *
 * <p>The union keeps concurrent threads from faulting on each other's switches, at a price
 * this classic baseline really pays: while one thread is inside a gate into domain D, every
 * other thread of the process, whatever domain it is in and whether or not it is in a gate at
 * all, has D's rights over every region. MPK has per-thread rights and no such window.
 *
 * <p>The rights of a gate are a {@link Rights} row: its domain's, limited, for a gate with a
 * scope ({@link Isolation#gate(Domain, Domain...)}), to the virtual domains it names. A move
 * re-protects only the regions either row has rights over, so its cost follows the rights that
 * change, not the number of domains.
 *
 * <p>Any failure while changing protections (a failed {@code mprotect}, bookkeeping that does
 * not add up) closes every region for good and marks the switch broken: later crossings fail,
 * and no thread keeps rights it should not have.
 */
final class MprotectSwitch {

    /** Row id meaning "outside every gate". */
    static final int OUTSIDE = -1;

    /** The most rows the 16 bits a thread's stack entry has for one can name. */
    private static final int MAX_ROWS = 1 << 16;

    /**
     * The rights one kind of gate puts in force: what its domain may do to each region, limited
     * to the virtual domains of its scope.
     */
    static final class Rights {
        final int id;
        final Domain domain;
        private final Access[] access;
        /** The regions this row has any right over. */
        private final int[] reach;
        private int threadsIn;

        private Rights(int id, Domain domain, Access[] access) {
            this.id = id;
            this.domain = domain;
            this.access = access;
            int[] r = new int[access.length];
            int n = 0;
            for (int i = 0; i < access.length; i++) {
                if (access[i] != Access.NONE) {
                    r[n++] = i;
                }
            }
            this.reach = Arrays.copyOf(r, n);
        }
    }

    private final Policy policy;
    private final DomainMemory[] regions;
    private final Access[] current;
    private final List<Rights> rows = new ArrayList<>();
    private final List<Rights> occupied = new ArrayList<>();
    private boolean closed;

    /** Takes over {@code regions} (by policy index), mapped read-write, and closes them all. */
    MprotectSwitch(Policy policy, DomainMemory[] regions) {
        this.policy = policy;
        this.regions = regions;
        this.current = new Access[regions.length];
        Arrays.fill(current, Access.READ_WRITE);
        int[] all = new int[regions.length];
        Arrays.setAll(all, i -> i);
        apply(all);
    }

    /**
     * The row of the gate into {@code domain} whose rights over virtual domains are limited to
     * {@code scope} (policy indexes; {@code null}: no limit).
     */
    synchronized int row(Domain domain, boolean[] scope) {
        if (rows.size() == MAX_ROWS) {
            throw new IllegalStateException("more than " + MAX_ROWS + " kinds of gate in one isolation");
        }
        int running = policy.index(domain);
        Access[] access = new Access[regions.length];
        for (int owner = 0; owner < regions.length; owner++) {
            boolean covered = scope == null || owner == running || !policy.isVirtual(owner) || scope[owner];
            access[owner] = covered ? policy.access(running, owner) : Access.NONE;
        }
        Rights r = new Rights(rows.size(), domain, access);
        rows.add(r);
        return r.id;
    }

    /** The domain of row {@code id}, or {@code null} if this switch has no such row. */
    synchronized Domain domainOf(int id) {
        return id >= 0 && id < rows.size() ? rows.get(id).domain : null;
    }

    /**
     * One thread moves from row {@code from} to row {@code to} (either may be
     * {@link #OUTSIDE}). If it throws, either nothing changed (a closed switch) or every
     * region is closed for good.
     */
    synchronized void move(int from, int to) {
        if (closed) {
            throw new IllegalStateException("isolation is closed");
        }
        try {
            Rights left = from == OUTSIDE ? null : rows.get(from);
            Rights entered = to == OUTSIDE ? null : rows.get(to);
            if (left != null) {
                if (left.threadsIn <= 0) {
                    throw new IllegalStateException("no thread was in " + left.domain);
                }
                if (--left.threadsIn == 0) {
                    occupied.remove(left);
                }
            }
            if (entered != null && entered.threadsIn++ == 0) {
                occupied.add(entered);
            }
            if (left != null) {
                apply(left.reach);
            }
            if (entered != null) {
                apply(entered.reach);
            }
        } catch (RuntimeException | Error e) {
            closeEverything();
            throw e;
        }
    }

    /** Puts the union of the occupied rows in force on {@code changed} (region indexes). */
    private void apply(int[] changed) {
        for (int r : changed) {
            Access want = union(r);
            if (want != current[r]) {
                RegionSyscalls.mprotect(regions[r].address(), regions[r].byteSize(), protection(want));
                current[r] = want;
            }
        }
    }

    /** The most any occupied row may do to region {@code r}; nothing if no row is occupied. */
    private Access union(int r) {
        Access best = Access.NONE;
        for (Rights row : occupied) {
            Access a = row.access[r];
            if (a.ordinal() < best.ordinal()) {
                best = a;
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
