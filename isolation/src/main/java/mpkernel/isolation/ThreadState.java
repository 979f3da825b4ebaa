package mpkernel.isolation;

import java.util.Arrays;

/**
 * What the gates keep per OS thread: the stack of domains the thread is inside (for nesting
 * and diagnostics) and its own crossing counters, one plain {@code long} per gate, so counting
 * needs no atomic instruction on the crossing path.
 */
final class ThreadState {

    private static final ThreadLocal<ThreadState> OTHERS = ThreadLocal.withInitial(ThreadState::new);

    private Domain[] domains = new Domain[8];
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

    void push(Domain d) {
        if (depth == domains.length) {
            domains = Arrays.copyOf(domains, depth * 2);
        }
        domains[depth++] = d;
    }

    void pop() {
        domains[--depth] = null;
    }

    Domain top() {
        return depth == 0 ? null : domains[depth - 1];
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
