package mpkernel.user.net;

import mpkernel.kernel.api.SysError;

/**
 * How the network programs name a failed system call: its errno first, as {@code perror} would.
 * Public for the servers in the sibling packages of this module (not exported).
 */
public final class Errors {

    private Errors() {
    }

    /** {@code "ECONNRESET (connection reset by peer)"}. */
    public static String describe(SysError e) {
        String message = e.getMessage();
        String prefix = e.errno() + ": ";
        return e.errno() + " (" + (message.startsWith(prefix) ? message.substring(prefix.length()) : message) + ")";
    }
}
