package mpkernel.user.kv;

/**
 * Bytes that are no RESP request (a bad length, a missing CRLF, an overlong line): the connection
 * gets {@code -ERR Protocol error: MESSAGE} and is closed, as Redis does, since where the next
 * request would start is unknown.
 */
final class ProtocolError extends Exception {

    ProtocolError(String message) {
        super(message, null, false, false);
    }
}
