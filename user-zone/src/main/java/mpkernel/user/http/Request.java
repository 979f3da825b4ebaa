package mpkernel.user.http;

/**
 * One request head, checked and framed.
 *
 * @param method the method token, case-sensitive as sent ({@code GET}, {@code HEAD}, ...)
 * @param target the request target as sent (origin or absolute form), not yet decoded
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1 (and any later 1.x, which is answered as 1.1)
 * @param keepAlive whether the client lets the connection stay open after the answer
 * @param contentLength bytes of body that follow the head (0 when there is none)
 * @param expectsContinue whether the client sent {@code Expect: 100-continue} and may hold its body back
 * @param headLength bytes the head took from the stream, blank lines before it included
 */
record Request(String method, String target, int minorVersion, boolean keepAlive, long contentLength,
               boolean expectsContinue, long headLength) {

    /** Whether the answer carries headers only ({@code HEAD}). */
    boolean headOnly() {
        return method.equals("HEAD");
    }
}
