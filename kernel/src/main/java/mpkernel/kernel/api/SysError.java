package mpkernel.kernel.api;

/** A failed system call. */
public final class SysError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Errno errno;

    /** A failure with {@code errno}, explained by {@code message}. */
    public SysError(Errno errno, String message) {
        super(errno + ": " + message);
        this.errno = errno;
    }

    /** The error number. */
    public Errno errno() {
        return errno;
    }
}
