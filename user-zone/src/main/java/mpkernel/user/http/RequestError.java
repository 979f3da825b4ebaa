package mpkernel.user.http;

/**
 * A request the server refuses, with the status to answer it with. Thrown for what a client
 * sends, so it carries no stack trace: building one per hostile request would be waste.
 */
final class RequestError extends RuntimeException {

    private final int status;

    /** A refusal with {@code status} (4xx or 5xx) for the reason {@code why} (for tests and logs, never sent). */
    RequestError(int status, String why) {
        super(why, null, false, false);
        this.status = status;
    }

    /** The status code to answer with. */
    int status() {
        return status;
    }
}
