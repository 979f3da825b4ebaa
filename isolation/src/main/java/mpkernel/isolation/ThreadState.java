package mpkernel.isolation;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the gates keep per OS thread: the stack of domains the thread is inside (for nesting
 * and diagnostics), beside each entry what its gate needs to switch back (the saved PKRU, or
 * the domain left), and its own crossing counters, one plain {@code long} per gate, so counting
 * needs no atomic instruction on the crossing path.
 *
 * <p>A stack entry is one {@code long}: the domain's {@link #idOf id} in the high half, the
 * saved value in the low half. A crossing thus stores no reference (no GC write barrier) and
 * touches one array, which is measurable against a gate floor of two downcalls.
 */
final class ThreadState {

    private static final ThreadLocal<ThreadState> OTHERS = ThreadLocal.withInitial(ThreadState::new);

    /** Every domain some gate enters, at the index the stack entries name it by. */
    private static final List<Domain> BY_ID = new CopyOnWriteArrayList<>();

    private long[] frames = new long[8];
    private int depth;
    private Gate.Counter[] counters = new Gate.Counter[8];

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
                BY_ID.add(d);
                id = BY_ID.size() - 1;
            }
            return id;
        }
    }

    /** Enters the domain with id {@code domainId}; returns the slot of the entry, for {@link #save}. */
    int push(int domainId) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth] = (long) domainId << 32;
        return depth++;
    }

    /** Records what the gate of entry {@code slot} must restore on the way out. */
    void save(int slot, int value) {
        frames[slot] |= value & 0xFFFF_FFFFL;
    }

    /** Leaves the innermost domain; returns what its gate saved. */
    int pop() {
        return (int) frames[--depth];
    }

    Domain top() {
        return depth == 0 ? null : BY_ID.get((int) (frames[depth - 1] >>> 32));
    }

    void count(Gate gate) {
        int id = gate.id;
        Gate.Counter[] cs = counters;
        Gate.Counter c;
        if (id < cs.length && (c = cs[id]) != null) {
            c.n++;
        } else {
            firstCrossing(gate).n++;
        }
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
