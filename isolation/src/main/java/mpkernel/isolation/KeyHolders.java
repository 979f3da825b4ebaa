package mpkernel.isolation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which protection keys the threads of this process hold, and which they took lately, for the
 * {@link KeyCache}: a key may go to another domain only while no thread's PKRU in force, and no
 * PKRU a gate saved to restore on its way out, grants it.
 *
 * <p>Each thread keeps one word per hardware key ({@link ThreadState#keyUse}), written by that
 * thread only: the number of its gate entries that hold the key in the low {@link #HOLD_BITS}
 * bits, and how many times it ever took the key above them. A gate into a virtual domain takes
 * every cache key its PKRU grants before it writes PKRU, and drops them after it wrote the
 * caller's PKRU back. An entry's holds outlive every gate nested in it, so they also cover the
 * PKRU values that the nested gates saved. The words are plain stores, so a crossing pays no
 * atomic instruction. The cache, which must know that a key is free, first moves its epoch and
 * then calls {@link #fence}, after which every thread has executed a full memory barrier. This
 * is an asymmetric Dekker handshake:
 *
 * <pre>
 *   gate:   take (store)   ; the stub reads the epoch ; WRPKRU only if it did not move
 *   cache:  epoch++ (store); membarrier             ; read every thread's words
 * </pre>
 *
 * Either the gate's take is visible to the cache, which then leaves the key where it is, or the
 * gate's read comes after its barrier and sees the new epoch, and the gate writes nothing and
 * starts again under the cache's lock.
 */
final class KeyHolders {

    /** Bits of a use word that count holds; {@link ThreadState#MAX_DEPTH} entries fit in them. */
    static final int HOLD_BITS = 24;
    private static final long HOLDS = (1L << HOLD_BITS) - 1;
    /** What one take adds: a hold, and one to the count of takes. */
    private static final long TAKE = (1L << HOLD_BITS) + 1;

    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    /** Every thread that ever crossed a gate; the references clear when it is gone. */
    private static final List<WeakReference<ThreadState>> THREADS = new ArrayList<>();

    /** When the list is this long, the references of threads that are gone are dropped first. */
    private static int pruneAt = 64;

    private static boolean fenceReady;

    private KeyHolders() {
    }

    /** Lists {@code st}, made for a thread that may cross gates; before it can take any key. */
    static void register(ThreadState st) {
        synchronized (THREADS) {
            if (THREADS.size() >= pruneAt) {
                THREADS.removeIf(ref -> ref.get() == null);
                pruneAt = Math.max(64, 2 * THREADS.size());
            }
            THREADS.add(new WeakReference<>(st));
        }
    }

    /**
     * Takes every key in the bit mask {@code keys} (never 0), for the thread that owns
     * {@code use}. Most gates grant one cache key: it is taken first, outside the loop.
     */
    static void take(long[] use, int keys) {
        use[Integer.numberOfTrailingZeros(keys)] += TAKE;
        for (int m = keys & (keys - 1); m != 0; m &= m - 1) {
            use[Integer.numberOfTrailingZeros(m)] += TAKE;
        }
    }

    /** Drops one hold on every key in {@code keys} (never 0). */
    static void drop(long[] use, int keys) {
        use[Integer.numberOfTrailingZeros(keys)]--;
        for (int m = keys & (keys - 1); m != 0; m &= m - 1) {
            use[Integer.numberOfTrailingZeros(m)]--;
        }
    }

    /** The holds of a use word. */
    static int holds(long word) {
        return (int) (word & HOLDS);
    }

    /** The count of takes of a use word. */
    static long takes(long word) {
        return word >>> HOLD_BITS;
    }

    /** {@code st}'s use word of {@code key}, as its thread last wrote it (after {@link #fence}). */
    static long word(ThreadState st, int key) {
        return (long) WORD.getVolatile(st.keyUse, key);
    }

    /**
     * Makes {@link #fence} usable in this process: registers it for the expedited private
     * {@code membarrier} (Linux 4.14 and later).
     *
     * @throws IsolationUnavailableException where the kernel has no such command
     */
    static synchronized void requireFence() {
        if (fenceReady) {
            return;
        }
        Libc.Result r = Libc.membarrier(Libc.MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED);
        if (r.failed()) {
            throw new IsolationUnavailableException("virtual domains need membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED), which this kernel"
                    + " refused (errno " + r.errno() + "); declare at most " + Policy.MAX_PINNED + " pinned domains instead");
        }
        fenceReady = true;
    }

    /**
     * Every running thread of the process executes a full memory barrier before this returns:
     * words written before it are visible to the caller's later reads.
     *
     * @throws IllegalStateException if the call fails (then nothing may be concluded from the words)
     */
    static void fence() {
        Libc.Result r = Libc.membarrier(Libc.MEMBARRIER_CMD_PRIVATE_EXPEDITED);
        if (r.failed()) {
            throw new IllegalStateException("membarrier failed with errno " + r.errno());
        }
    }

    /** The threads that crossed gates, alive or not yet collected. */
    static List<ThreadState> registered() {
        List<ThreadState> out = new ArrayList<>();
        synchronized (THREADS) {
            for (Iterator<WeakReference<ThreadState>> it = THREADS.iterator(); it.hasNext(); ) {
                ThreadState st = it.next().get();
                if (st == null) {
                    it.remove();
                } else {
                    out.add(st);
                }
            }
        }
        return out;
    }

    /** The threads whose rights outside every gate were seen to deny every cache key ({@link ThreadState#vetted}). */
    static Set<Thread> vetted() {
        Set<Thread> out = new HashSet<>();
        for (ThreadState st : registered()) {
            if (st.vetted) {
                out.add(st.thread);
            }
        }
        return out;
    }
}
