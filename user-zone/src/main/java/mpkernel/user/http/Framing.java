package mpkernel.user.http;

/**
 * How the answer to one request is framed: with or without its body, and whether the connection
 * stays open after it.
 *
 * @param headOnly the answer has headers only (a {@code HEAD} request)
 * @param http10 the client speaks HTTP/1.0, which must be told when a connection stays open
 * @param keepAlive the connection stays open after the answer
 */
record Framing(boolean headOnly, boolean http10, boolean keepAlive) {

    /** The framing of an answer to a request that could not be read: a body, then the connection closes. */
    static final Framing CLOSING = new Framing(false, false, false);

    /** The framing of the answer to {@code r}, closing afterwards unless {@code keepAlive}. */
    static Framing of(Request r, boolean keepAlive) {
        return new Framing(r.headOnly(), r.minorVersion() == 0, keepAlive);
    }
}
