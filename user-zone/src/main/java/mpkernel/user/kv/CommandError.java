package mpkernel.user.kv;

/** A command that cannot run as asked: its message is the RESP error text, code first ({@code ERR ...}). */
final class CommandError extends Exception {

    /** The error of a value that should be a 64-bit integer and is not. */
    static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

    CommandError(String message) {
        super(message, null, false, false);
    }
}
