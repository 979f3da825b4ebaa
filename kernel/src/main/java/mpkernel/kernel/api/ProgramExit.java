package mpkernel.kernel.api;

/** Thrown by {@link Sys#exit} to unwind the program's stack; the kernel catches it. Programs must not catch it. */
public final class ProgramExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /** An exit with {@code status}. */
    public ProgramExit(int status) {
        super("exit(" + status + ")", null, false, false);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }
}
