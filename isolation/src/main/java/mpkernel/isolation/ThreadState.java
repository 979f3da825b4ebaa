package mpkernel.isolation;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the gates keep per OS thread: the stack of domains the thread is inside (for nesting
 * and diagnostics), beside each entry what its gate needs to switch back (the saved PKRU, or
 * the domain left), its own crossing counters, one plain {@code long} per gate, so counting
 * needs no atomic instruction on the crossing path, and the lowest stack address a gate may
 * run down to.
 *
 * <p>A stack entry is one {@code long}: 16 bits a gate may use for itself (its {@code aux}:
 * the protection keys a gate into a virtual domain holds, the rights an {@code mprotect} gate
 * put in force), the domain's {@link #idOf id} in the next 16 bits, the saved value in the low
 * half. A crossing thus stores no reference (no GC write barrier) and touches one array, which
 * is measurable against a gate floor of two downcalls.
 *
 * <p>For the key cache, a thread also counts, per hardware key, how many of its live gate
 * entries hold that key and how often it took it ({@link #keyUse}, see {@link KeyHolders}), and
 * remembers whether its rights outside every gate were seen to deny every cache key
 * ({@link #vetted}).
 *
 * <p>A gate entry does everything that can fail (finding this state, growing the stack array,
 * finding its counter, checking the stack headroom) before it switches rights, and after the
 * switch only what cannot fail ({@link #record}): an entry that throws leaves no trace, and
 * the way out of a gate never runs out of stack.
 */
final class ThreadState {

    /**
     * Stack bytes a thread must have left when it enters a gate: HotSpot's stack banging checks
     * 20 pages (80 KiB) below every frame it enters, so the gate's way out, which runs at the
     * depth of its way in, needs that much and a margin.
     */
    static final int HEADROOM = 128 << 10;

    /** HotSpot's guard zones at the low end of a thread stack (red, yellow, reserved pages) and a margin. */
    private static final long GUARD_ZONES = 20 << 10;

    private static final ThreadLocal<ThreadState> OTHERS = ThreadLocal.withInitial(() -> new ThreadState(Thread.currentThread()));

    /** Every domain some gate enters, at the index the stack entries name it by. */
    private static final List<Domain> BY_ID = new CopyOnWriteArrayList<>();

    /** How many domains the 16-bit ids of the stack entries can name in one process. */
    static final int MAX_IDS = 1 << 16;

    /** How many gates a thread may be inside at once: the holds of a key must fit their bits in {@link KeyHolders}. */
    static final int MAX_DEPTH = 1 << 20;

    /** The thread this state belongs to. */
    final Thread thread;
    /**
     * Per hardware key, how many of this thread's gate entries hold it (its PKRU in force or a
     * PKRU saved for the way out grants the key) and how many times it took it, in one word
     * ({@link KeyHolders}). Written only by this thread, read by the key cache.
     */
    final long[] keyUse = new long[Pkru.KEYS];
    /**
     * Set when the thread's rights outside every gate were seen to deny every cache key (the
     * PKRU its first virtual crossing saved at depth 0): it cannot have inherited a virtual
     * domain's rights when it was started. Written only by this thread.
     */
    volatile boolean vetted;

    private long[] frames = new long[8];
    private int depth;
    private Gate.Counter[] counters = new Gate.Counter[8];
    /** The lowest address the gates let this thread's stack pointer run down to; 0 until the thread's first crossing. */
    private long stackLimit;

    /** The state of {@code thread}. */
    ThreadState(Thread thread) {
        this.thread = thread;
        KeyHolders.register(this);
    }

    /**
     * The calling thread's state. Threads made by {@link Isolation#newThread} carry it in a
     * field; other platform threads use a thread-local.
     *
     * @throws WrongThreadException on a virtual thread: PKRU belongs to the carrier OS thread,
     *     and a virtual thread may move to another carrier between entry and exit
     */
    static ThreadState current() {
        Thread t = Thread.currentThread();
        if (t instanceof DomainThread d) {
            return d.state;
        }
        if (t.isVirtual()) {
            throw new WrongThreadException("a gate was crossed on virtual thread " + t
                    + ": PKRU is per OS thread and a virtual thread can change carrier inside the gate;"
                    + " run domain code on platform threads (Isolation.newThread)");
        }
        return OTHERS.get();
    }

    /** The number stack entries name {@code d} by; the same for every thread, assigned when a gate is built. */
    static int idOf(Domain d) {
        synchronized (BY_ID) {
            int id = BY_ID.indexOf(d);
            if (id < 0) {
                if (BY_ID.size() == MAX_IDS) {
                    throw new IllegalStateException("more than " + MAX_IDS + " domain names in one process");
                }
                BY_ID.add(d);
                id = BY_ID.size() - 1;
            }
            return id;
        }
    }

    /**
     * Makes room for one more entry and returns its slot; nothing is entered yet. Called on
     * the calling thread before a gate switches rights.
     */
    int reserve() {
        if (depth == frames.length) {
            if (depth == MAX_DEPTH) {
                throw new StackOverflowError("a thread may be inside at most " + MAX_DEPTH + " gates: nothing was switched");
            }
            frames = Arrays.copyOf(frames, depth * 2);
        }
        return depth;
    }

    /**
     * Enters the domain with id {@code domainId} at {@code slot} (from {@link #reserve}),
     * remembering {@code saved} for the way out. Cannot fail.
     */
    void record(int slot, int domainId, int saved) {
        record(slot, domainId, 0, saved);
    }

    /** Like {@link #record(int, int, int)}, with the gate's own 16 bits {@code aux}. Cannot fail. */
    void record(int slot, int domainId, int aux, int saved) {
        frames[slot] = ((long) aux << 48) | ((long) domainId << 32) | (saved & 0xFFFF_FFFFL);
        depth = slot + 1;
    }

    /** Leaves the innermost domain; returns what its gate saved. */
    int pop() {
        return (int) frames[--depth];
    }

    /** Leaves the innermost domain; returns its whole entry, for {@link #auxOf} and the saved value in the low half. */
    long popEntry() {
        return frames[--depth];
    }

    /** The gate's own 16 bits of a stack entry. */
    static int auxOf(long entry) {
        return (int) (entry >>> 48);
    }

    /** How many gates the thread is inside. */
    int depth() {
        return depth;
    }

    /** The entry at {@code index} (0: the outermost gate), below {@link #depth}. */
    long entry(int index) {
        return frames[index];
    }

    /** The domain a stack entry names. */
    static Domain domainOf(long entry) {
        return BY_ID.get((int) (entry >>> 32) & 0xFFFF);
    }

    /** The innermost domain, or {@code null} outside every gate. */
    Domain top() {
        return depth == 0 ? null : domainOf(frames[depth - 1]);
    }

    /**
     * The lowest address this thread's stack pointer may reach while entering a gate, found on
     * the thread's first crossing (0 where glibc cannot tell, which disables the check).
     */
    long stackLimit() {
        long limit = stackLimit;
        if (limit == 0) {
            long low = Libc.stackLow();
            limit = low == 0 ? 1 : low + GUARD_ZONES;
            stackLimit = limit;
        }
        return limit;
    }

    /** The error for an entry refused for lack of stack: nothing was switched. */
    static StackOverflowError noHeadroom(Gate gate) {
        return new StackOverflowError("too little stack left to cross " + gate
                + " safely (a gate needs " + (HEADROOM >> 10) + " KiB): nothing was switched");
    }

    /** This thread's counter for {@code gate}, created on the thread's first crossing of it. */
    Gate.Counter counter(Gate gate) {
        int id = gate.id;
        Gate.Counter[] cs = counters;
        Gate.Counter c;
        if (id < cs.length && (c = cs[id]) != null) {
            return c;
        }
        return firstCrossing(gate);
    }

    private Gate.Counter firstCrossing(Gate gate) {
        if (gate.id >= counters.length) {
            counters = Arrays.copyOf(counters, Math.max(gate.id + 1, counters.length * 2));
        }
        Gate.Counter c = gate.newCounter();
        counters[gate.id] = c;
        return c;
    }
}
