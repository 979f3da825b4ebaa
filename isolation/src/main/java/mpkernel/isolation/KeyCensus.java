package mpkernel.isolation;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the threads did with the protection keys between two counts of the {@link KeyCache}:
 * which keys they hold now, and which they used since the last count, that is took, held then
 * or hold now. Read from every thread's own use words ({@link KeyHolders}), after a
 * {@link KeyHolders#fence}; never written by a crossing.
 */
final class KeyCensus {

    /** Per thread, its counts of takes of each key at the last count. */
    private final Map<ThreadState, long[]> takesSeen = new WeakHashMap<>();
    private int heldAtLastCount;

    /** A census whose first count covers what happens from now on. */
    KeyCensus() {
        count(new int[Pkru.KEYS]);
    }

    /**
     * Adds every thread's holds of each key to {@code held} and returns the bit mask of the
     * keys used since the last count.
     */
    int count(int[] held) {
        int taken = 0;
        int heldNow = 0;
        for (ThreadState st : KeyHolders.registered()) {
            long[] seen = takesSeen.computeIfAbsent(st, x -> new long[Pkru.KEYS]);
            for (int k = 0; k < Pkru.KEYS; k++) {
                long word = KeyHolders.word(st, k);
                int holds = KeyHolders.holds(word);
                held[k] += holds;
                if (holds > 0) {
                    heldNow |= 1 << k;
                }
                if (KeyHolders.takes(word) != seen[k]) {
                    seen[k] = KeyHolders.takes(word);
                    taken |= 1 << k;
                }
            }
        }
        int used = taken | heldNow | heldAtLastCount;
        heldAtLastCount = heldNow;
        return used;
    }
}
