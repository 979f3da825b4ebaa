package mpkernel.user.http;

/** The status codes the server sends and their reason phrases (RFC 9110, section 15). */
final class Status {

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONTENT_TOO_LARGE = 413;
    static final int URI_TOO_LONG = 414;
    static final int INTERNAL_ERROR = 500;
    static final int NOT_IMPLEMENTED = 501;
    static final int UNAVAILABLE = 503;
    static final int VERSION_NOT_SUPPORTED = 505;

    private Status() {
    }

    /** The reason phrase of {@code status}, one of the constants above. */
    static String reason(int status) {
        return switch (status) {
            case OK -> "OK";
            case BAD_REQUEST -> "Bad Request";
            case NOT_FOUND -> "Not Found";
            case METHOD_NOT_ALLOWED -> "Method Not Allowed";
            case CONTENT_TOO_LARGE -> "Content Too Large";
            case URI_TOO_LONG -> "URI Too Long";
            case INTERNAL_ERROR -> "Internal Server Error";
            case NOT_IMPLEMENTED -> "Not Implemented";
            case UNAVAILABLE -> "Service Unavailable";
            case VERSION_NOT_SUPPORTED -> "HTTP Version Not Supported";
            default -> throw new IllegalArgumentException("no reason phrase for status " + status);
        };
    }
}
