package mpkernel.kernel.net;

import java.util.concurrent.TimeUnit;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;

/**
 * What each socket is ready for ({@code poll} events) and its pending error number, mirrored
 * on the Java heap so that a caller can wait for a socket outside the kernel and cross into it
 * once it is ready. The stack publishes after every change, under its own lock; every change
 * wakes every waiter. A mirror, not state: the stack decides from its own tables, and a caller
 * that finds a socket not ready after all (another task took the data) waits again. It holds
 * only event bits and error numbers, never data or addresses.
 */
public final class Readiness {

    /** Not a {@code poll} event: the bit that says a socket never waits ({@code SOCK_NONBLOCK}). */
    static final int NONBLOCKING = 1 << 16;
    /** A deadline that never comes. */
    public static final long FOREVER = Long.MAX_VALUE;
    /** Events that end every wait: the caller must look. */
    private static final int ALWAYS = Sys.POLLERR | Sys.POLLHUP | Sys.POLLNVAL;

    private final int[] events;
    private final int[] errors;
    /** Frames the device posted that no one has taken yet: whoever enters the stack next takes them. */
    private volatile boolean framesPending;
    /**
     * How long after a caller left a socket call the network thread leaves frames for it: a
     * server that just sent a reply is about to wait for the next request, and taking that
     * request in its own call saves the network thread's entry into the kernel.
     */
    static final long GRACE = 1_000_000L;
    /** When a caller last left a socket call ({@link System#nanoTime}). */
    private volatile long callerLeft = System.nanoTime() - GRACE;
    /** When the frames now pending arrived ({@link System#nanoTime}). */
    private volatile long framesAt = System.nanoTime() - GRACE;
    /** Callers in {@link #awaitOrFrames} now: each enters the stack when it returns, and takes what arrived. */
    private int frameTakers;

    Readiness(int sockets) {
        events = new int[sockets];
        errors = new int[sockets];
        java.util.Arrays.fill(events, Sys.POLLNVAL);
    }

    /** Records what socket {@code slot} is ready for; wakes the waiters if that changed. */
    synchronized void publish(int slot, int ready, int error) {
        if (events[slot] != ready || errors[slot] != error) {
            events[slot] = ready;
            errors[slot] = error;
            notifyAll();
        }
    }

    /** The {@code poll} events socket {@code slot} was last ready for. */
    public synchronized int events(int slot) {
        return events[slot] & ~NONBLOCKING;
    }

    /** Whether socket {@code slot} is open and never waits. */
    public synchronized boolean nonblocking(int slot) {
        return (events[slot] & NONBLOCKING) != 0;
    }

    /** The error pending on socket {@code slot}, or null. */
    public synchronized Errno error(int slot) {
        return errors[slot] == 0 ? null : errno(errors[slot]);
    }

    /** The {@link Errno} numbered {@code number}. */
    static Errno errno(int number) {
        for (Errno e : Errno.values()) {
            if (e.number() == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("no errno " + number);
    }

    /**
     * Waits until socket {@code slot} is ready for one of {@code wanted} (or has an error, a
     * hang-up, or is gone) or {@code deadline} ({@link System#nanoTime}) passes; returns its
     * events, which lack {@code wanted} after a timeout.
     */
    public int await(int slot, int wanted, long deadline) {
        awaitAny(new int[] {slot}, new int[] {wanted}, deadline);
        return events(slot);
    }

    /** Waits until some {@code slots[i]} is ready for {@code wanted[i]}, or {@code deadline}; returns whether one is. */
    public synchronized boolean awaitAny(int[] slots, int[] wanted, long deadline) {
        return waitFor(slots, wanted, deadline, false);
    }

    /**
     * {@link #awaitAny}, but it also returns when the device has posted frames no one took: for
     * a caller that enters the stack right after, whose call takes them first ({@link NetStack}
     * does so in every socket call). The caller's own entry thus replaces the network thread's,
     * which the device's interrupt does not wake while such a caller waits
     * ({@link #framesArrived}). Returns whether a socket is ready.
     */
    public synchronized boolean awaitOrFrames(int[] slots, int[] wanted, long deadline) {
        frameTakers++;
        try {
            return waitFor(slots, wanted, deadline, true);
        } finally {
            frameTakers--;
        }
    }

    /**
     * The device's interrupt: notes that frames wait to be taken; returns true if a caller in
     * {@link #awaitOrFrames} was woken to take them, false if none waits. Either way the
     * network thread takes them if no one has within {@link #GRACE} ({@link #graceEnd}).
     */
    public synchronized boolean framesArrived() {
        if (!framesPending) {
            framesAt = System.nanoTime();
        }
        framesPending = true;
        if (frameTakers > 0) {
            notifyAll();
            return true;
        }
        return false;
    }

    /** Notes that a caller left a socket call just now: it may come back for frames that arrive within {@link #GRACE}. */
    public void callerLeft() {
        callerLeft = System.nanoTime();
    }

    /**
     * Until when ({@link System#nanoTime}) the network thread leaves the pending frames to a
     * caller: {@link #GRACE} after they arrived (a caller woken by them is on its way) or after a
     * caller last left a socket call (it is likely to come back); a time past if neither is recent.
     */
    public long graceEnd() {
        return Math.max(callerLeft, framesAt) + GRACE;
    }

    /** Whether frames wait that no one has started taking. */
    public boolean framesPending() {
        return framesPending;
    }

    /** Called by the stack before it reads the link: frames posted after this raise the flag again. */
    void framesTaken() {
        framesPending = false;
    }

    private boolean waitFor(int[] slots, int[] wanted, long deadline, boolean orFrames) {
        try {
            while (true) {
                for (int i = 0; i < slots.length; i++) {
                    if ((events[slots[i]] & (wanted[i] | ALWAYS)) != 0) {
                        return true;
                    }
                }
                if (orFrames && framesPending) {
                    return false;
                }
                long left = deadline == FOREVER ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SysError(Errno.EINTR, "interrupted while waiting for a socket");
        }
    }
}
