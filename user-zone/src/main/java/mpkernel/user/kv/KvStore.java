package mpkernel.user.kv;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The keys and values every connection shares, safe for concurrent tasks. Keys are byte strings
 * held as ISO-8859-1 strings (one char per byte, so any bytes round-trip); values are byte
 * arrays on the user heap. A key may carry a deadline on the monotonic clock; an expired key is
 * dropped when next touched. The clock (a system call) is read only for keys that have a
 * deadline and for setting one, so that a plain GET or SET costs no extra crossing.
 */
final class KvStore {

    /** A value and its deadline in monotonic nanoseconds, if {@code expires}. */
    private record Entry(byte[] value, boolean expires, long deadline) {
    }

    /** What a SET requires of the key's present state. */
    enum Condition {
        /** Set whether or not the key exists. */
        ALWAYS,
        /** Set only if the key does not exist (NX). */
        ABSENT,
        /** Set only if the key exists (XX). */
        PRESENT
    }

    private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    /** A store whose deadlines are on {@code clock}, in nanoseconds. */
    KvStore(LongSupplier clock) {
        this.clock = clock;
    }

    /** The key {@code bytes} name. */
    static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The value of {@code key}; null if it has none (or it expired). */
    byte[] get(String key) {
        Entry e = map.get(key);
        if (e == null) {
            return null;
        }
        if (expired(e)) {
            map.remove(key, e);
            return null;
        }
        return e.value;
    }

    /** Whether {@code key} has a value. */
    boolean exists(String key) {
        return get(key) != null;
    }

    /**
     * Sets {@code key} to {@code value} if {@code condition} holds, to expire after
     * {@code ttlNanos} (0: never); returns whether it was set.
     *
     * @throws CommandError if the deadline would lie beyond the clock's range
     */
    boolean set(String key, byte[] value, long ttlNanos, Condition condition) throws CommandError {
        Entry entry = ttlNanos == 0 ? new Entry(value, false, 0) : new Entry(value, true, deadline(ttlNanos));
        if (condition == Condition.ALWAYS) {
            map.put(key, entry);
            return true;
        }
        boolean[] set = {false};
        map.compute(key, (k, old) -> {
            boolean exists = old != null && !expired(old);
            if (exists == (condition == Condition.PRESENT)) {
                set[0] = true;
                return entry;
            }
            return exists ? old : null;
        });
        return set[0];
    }

    /** Removes {@code key}; returns whether it had a value. */
    boolean delete(String key) {
        Entry e = map.remove(key);
        return e != null && !expired(e);
    }

    /**
     * Adds {@code by} to the integer value of {@code key} (0 if it has none), keeping its
     * deadline; returns the sum.
     *
     * @throws CommandError if the value is no 64-bit integer or the sum would overflow
     */
    long add(String key, long by) throws CommandError {
        CommandError[] failure = {null};
        long[] sum = {0};
        map.compute(key, (k, old) -> {
            boolean exists = old != null && !expired(old);
            long base = 0;
            if (exists) {
                Long parsed = Commands.integer(old.value);
                if (parsed == null) {
                    failure[0] = new CommandError(CommandError.NOT_AN_INTEGER);
                    return old;
                }
                base = parsed;
            }
            try {
                sum[0] = Math.addExact(base, by);
            } catch (ArithmeticException e) {
                failure[0] = new CommandError("ERR increment or decrement would overflow");
                return exists ? old : null;
            }
            byte[] value = Long.toString(sum[0]).getBytes(StandardCharsets.US_ASCII);
            return exists ? new Entry(value, old.expires, old.deadline) : new Entry(value, false, 0);
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return sum[0];
    }

    /** How many keys have a value (expired ones that were not yet dropped are counted out here). */
    long size() {
        long n = 0;
        for (Entry e : map.values()) {
            if (!expired(e)) {
                n++;
            }
        }
        return n;
    }

    /** Removes every key. */
    void clear() {
        map.clear();
    }

    private long deadline(long ttlNanos) throws CommandError {
        try {
            return Math.addExact(clock.getAsLong(), ttlNanos);
        } catch (ArithmeticException e) {
            throw new CommandError("ERR invalid expire time in 'set' command");
        }
    }

    private boolean expired(Entry e) {
        return e.expires && clock.getAsLong() - e.deadline >= 0;
    }
}
