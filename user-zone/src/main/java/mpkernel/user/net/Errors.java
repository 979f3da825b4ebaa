package mpkernel.user.net;

import mpkernel.kernel.api.SysError;

/** How the network programs name a failed system call: its errno first, as {@code perror} would. */
final class Errors {

    private Errors() {
    }

    /** {@code "ECONNRESET (connection reset by peer)"}. */
    static String describe(SysError e) {
        String message = e.getMessage();
        String prefix = e.errno() + ": ";
        return e.errno() + " (" + (message.startsWith(prefix) ? message.substring(prefix.length()) : message) + ")";
    }
}
