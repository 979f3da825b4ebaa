package mpkernel.isolation;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The only way into a domain: {@code gate.call(body)} runs {@code body} with the rights of
 * {@link #target()} and restores the caller's rights on every exit path, normal or
 * exceptional. Gates nest; each OS thread has its own rights (under {@link Backend#MPK}).
 *
 * <p>An entry either switches rights and records what to restore, or throws having done
 * neither: it checks first that the thread has enough stack left for the way out
 * ({@link StackOverflowError} otherwise, with nothing switched), so a
 * {@code StackOverflowError} or {@code OutOfMemoryError} inside the body leaves the thread with
 * the rights it had before the gate. An exit that cannot restore them halts the process.
 *
 * <p>Under {@link Backend#MPK} entry and exit are one generated {@code wrpkru; lfence} stub
 * call each; under {@link Backend#MPROTECT} they {@code mprotect} the regions whose rights
 * change; under {@link Backend#NONE} a gate only runs its body and counts nothing, so the
 * unisolated build pays nothing for it.
 *
 * <p>Crossing a gate on a virtual thread (real backends) throws {@link WrongThreadException}.
 */
public abstract sealed class Gate permits NoneGate, MpkGate, VirtualMpkGate, MprotectGate {

    private static final AtomicInteger IDS = new AtomicInteger();

    final int id = IDS.getAndIncrement();
    final Domain target;
    /** How thread stacks name {@link #target} ({@link ThreadState#idOf}). */
    final int targetId;
    private final ConcurrentLinkedQueue<Counter> counters = new ConcurrentLinkedQueue<>();

    Gate(Domain target) {
        this.target = target;
        this.targetId = ThreadState.idOf(target);
    }

    /** The domain this gate enters. */
    public final Domain target() {
        return target;
    }

    /** Runs {@code body} inside {@link #target()} and returns its result. */
    public final <T> T call(Supplier<T> body) {
        ThreadState st = enter();
        try {
            return body.get();
        } finally {
            leave(st);
        }
    }

    /** Runs {@code body} inside {@link #target()}. */
    public final void run(Runnable body) {
        ThreadState st = enter();
        try {
            body.run();
        } finally {
            leave(st);
        }
    }

    /** Runs {@code body} inside {@link #target()}; no boxing. */
    public final int callInt(IntSupplier body) {
        ThreadState st = enter();
        try {
            return body.getAsInt();
        } finally {
            leave(st);
        }
    }

    /** Runs {@code body} inside {@link #target()}; no boxing. */
    public final long callLong(LongSupplier body) {
        ThreadState st = enter();
        try {
            return body.getAsLong();
        } finally {
            leave(st);
        }
    }

    /**
     * How many times any thread entered through this gate. Exact once the counting threads
     * have been joined; always 0 under {@link Backend#NONE}.
     */
    public final long crossings() {
        long sum = 0;
        for (Counter c : counters) {
            sum += c.n;
        }
        return sum;
    }

    /**
     * Switches to the target's rights and records the crossing on the calling thread's state,
     * which it returns for {@link #leave}: the crossing path looks the thread's state up once,
     * not once per side (the lookup is a thread-local read on threads not made by
     * {@link Isolation#newThread}). Everything that can fail happens before the switch.
     * {@link NoneGate} returns {@code null}.
     */
    abstract ThreadState enter();

    /** Restores the rights {@link #enter} saved on {@code st}, the state it returned. */
    abstract void leave(ThreadState st);

    Counter newCounter() {
        Counter c = new Counter();
        counters.add(c);
        return c;
    }

    /** One thread's count for one gate; written only by that thread. */
    static final class Counter {
        long n;
    }

    @Override
    public String toString() {
        return "Gate[" + target + "]";
    }
}
