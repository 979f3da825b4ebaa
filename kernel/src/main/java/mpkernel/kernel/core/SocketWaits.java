package mpkernel.kernel.core;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.net.Readiness;

/**
 * The half of a socket system call that runs outside the kernel, on the caller's thread and
 * with the caller's rights: waiting until the socket is ready, by the network's
 * {@link Readiness} mirror on the Java heap, so that no thread ever waits inside the gate into
 * {@code SAFE_KERNEL} (under {@code mprotect} that would open kernel memory to every thread for
 * as long as it waits). It reads nothing but that mirror.
 */
public final class SocketWaits {

    private final Readiness readiness;

    /** Waits on {@code readiness}; null for a kernel without network (nothing ever waits). */
    public SocketWaits(Readiness readiness) {
        this.readiness = readiness;
    }

    /** Whether a call on {@code fd} with {@code flags} waits for readiness (a blocking socket, no {@link Sys#MSG_DONTWAIT}). */
    boolean waits(int fd, int flags) {
        return readiness != null && SocketCalls.isSocket(fd) && (flags & Sys.MSG_DONTWAIT) == 0
                && !readiness.nonblocking(SocketCalls.slot(fd));
    }

    /** Waits until socket {@code fd} is ready for {@code events}, has an error or hung up. */
    void await(int fd, int events) {
        readiness.await(SocketCalls.slot(fd), events, Readiness.FOREVER);
    }

    /**
     * {@link #await}, for a caller that crosses into the stack right after: it also returns when
     * frames arrived that no one took, which that crossing takes ({@link Readiness#awaitOrFrames}).
     */
    void awaitOrFrames(int fd, int events) {
        int slot = SocketCalls.slot(fd);
        readiness.awaitOrFrames(new int[] {slot}, new int[] {events}, Readiness.FOREVER);
    }

    /** Notes that the caller left its socket call (see {@link Readiness#callerLeft}). */
    void left() {
        if (readiness != null) {
            readiness.callerLeft();
        }
    }

    /**
     * Waits until one of {@code fds} is ready for its {@code events}, or until {@code deadline},
     * or until frames arrived that the caller's next crossing takes (its {@code poll} call).
     * Descriptors that are not sockets count as ready (files always are).
     */
    void awaitAny(int[] fds, int[] events, long deadline) {
        if (readiness == null) {
            return;
        }
        int n = 0;
        int[] slots = new int[fds.length];
        int[] wanted = new int[fds.length];
        for (int i = 0; i < fds.length; i++) {
            if (!SocketCalls.isSocket(fds[i])) {
                if (fds[i] >= 0) {
                    return;
                }
                continue;
            }
            slots[n] = SocketCalls.slot(fds[i]);
            wanted[n++] = events[i];
        }
        readiness.awaitOrFrames(java.util.Arrays.copyOf(slots, n), java.util.Arrays.copyOf(wanted, n), deadline);
    }

    /** The error a connection attempt on {@code fd} ended with, or null if it succeeded. */
    Errno connectError(int fd) {
        return readiness.error(SocketCalls.slot(fd));
    }
}
