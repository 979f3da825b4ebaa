package mpkernel.isolation;

/** A backend cannot run on this machine; the message says why and what to use instead, in one line. */
public final class IsolationUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IsolationUnavailableException(String message) {
        super(message);
    }
}
