package mpkernel.isolation;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The threads whose rights the {@link KeyCache} cannot vouch for. Linux starts a thread with
 * its creator's PKRU, so a thread started inside a virtual domain's gate by anything but
 * {@link Isolation#newThread} keeps that domain's key, uncounted by {@link KeyHolders}, for
 * its whole life, gates or no gates. Such a key must not go to another domain while the
 * thread lives.
 *
 * <p>The roster cannot see a thread start, only, when it {@linkplain #look looks} (at every
 * eviction), that a platform thread is there which was not there at its last look. Such a
 * thread may have been started at any moment in between, by any thread, so it is presumed to
 * hold every cache key some thread held in between, and those keys are quarantined for as long
 * as it lives. A thread is cleared of the presumption, at once or later, when it is:
 * <ul>
 * <li>a thread that was alive when the isolation booted, before any cache key was granted;
 * <li>a {@link DomainThread} that has written its own baseline (which never covers a virtual domain);
 * <li>a thread whose first crossing into a virtual domain, outside every other gate, found
 *     its rights denying every cache key ({@link ThreadState#vetted}).
 * </ul>
 * Native threads that attach themselves to the JVM are out of its sight, as native code is out
 * of the threat model.
 */
final class ThreadRoster {

    private final boolean inheritable;
    /** Every platform thread seen so far, the ones alive at boot included. */
    private final Map<Thread, Boolean> seen = new WeakHashMap<>();
    private final Map<Thread, Boolean> atBoot = new WeakHashMap<>();
    /** The threads presumed to hold keys, with those keys (a bit mask). */
    private final Map<Thread, Integer> suspects = new WeakHashMap<>();

    /**
     * A roster that starts with the threads alive now. Where threads have no PKRU of their own
     * to inherit ({@code inheritable} false: {@link Backend#MPK_DRY}) it still looks, so that
     * an eviction costs what it costs under {@code mpk}, but suspects nobody.
     */
    ThreadRoster(boolean inheritable) {
        this.inheritable = inheritable;
        for (Thread t : live()) {
            seen.put(t, Boolean.TRUE);
            atBoot.put(t, Boolean.TRUE);
        }
    }

    /**
     * Looks at the live threads: every one not seen before is presumed to hold
     * {@code heldSinceLastLook} (the cache keys some thread held at any moment since the last
     * look). Returns the keys presumed held by some live thread: they must stay with the
     * domains they belong to.
     */
    int look(int heldSinceLastLook) {
        Set<Thread> vetted = KeyHolders.vetted();
        int quarantined = 0;
        for (Thread t : live()) {
            if (seen.put(t, Boolean.TRUE) == null && inheritable && heldSinceLastLook != 0) {
                suspects.put(t, heldSinceLastLook);
            }
            Integer keys = suspects.get(t);
            if (keys != null) {
                if (cleared(t, vetted)) {
                    suspects.remove(t);
                } else {
                    quarantined |= keys;
                }
            }
        }
        suspects.keySet().removeIf(t -> !t.isAlive());
        return quarantined;
    }

    /** The threads presumed to hold a key of {@code keys}, for an error message. */
    String suspectsOf(int keys) {
        return suspects.entrySet().stream().filter(e -> (e.getValue() & keys) != 0)
                .map(e -> "'" + e.getKey().getName() + "'").sorted().toList().toString();
    }

    private boolean cleared(Thread t, Set<Thread> vetted) {
        return atBoot.containsKey(t) || (t instanceof DomainThread d && d.wroteBaseline()) || vetted.contains(t);
    }

    /** Every live platform thread. */
    static Thread[] live() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        return Arrays.copyOf(all, n);
    }
}
