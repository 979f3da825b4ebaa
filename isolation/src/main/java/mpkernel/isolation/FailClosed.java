package mpkernel.isolation;

/**
 * The last resort when a gate cannot put a thread's rights back: the process stops at once,
 * rather than let code run on with rights it was not meant to have.
 */
final class FailClosed {

    /** Exit status of a process stopped this way. */
    static final int STATUS = 70;

    private FailClosed() {
    }

    /**
     * Reports {@code what} on file descriptor 2 as well as it can and halts the JVM; never
     * returns. It writes to the descriptor itself, not through {@code System.err}, which user
     * code may have replaced with its own stream.
     */
    static Error halt(String what, Throwable cause) {
        try {
            new java.io.FileOutputStream(java.io.FileDescriptor.err).write(("mpk: FAIL CLOSED: " + what + " (" + cause.getClass().getName() + ")\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Throwable ignored) {
            // halting matters more than the message
        } finally {
            Runtime.getRuntime().halt(STATUS);
        }
        return new AssertionError("unreachable");
    }
}
