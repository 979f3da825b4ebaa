package mpkernel.kernel.net;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SysError;

/** The error a failed connection reports to its program, whether it learns it inside the kernel or from {@link Readiness}. */
public final class ConnectionFailure {

    private ConnectionFailure() {
    }

    /** {@code errno} as a failed connection's error, with the words {@code strerror} uses. */
    public static SysError of(Errno errno) {
        return new SysError(errno, switch (errno) {
            case ECONNRESET -> "connection reset by peer";
            case ECONNREFUSED -> "connection refused";
            case ETIMEDOUT -> "connection timed out";
            default -> "connection failed";
        });
    }
}
