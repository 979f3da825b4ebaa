package mpkernel.user.http;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Finds and checks request heads (RFC 9112) in the bytes a connection received, as they arrive:
 * each call scans only the bytes that are new since the last, so a head that comes in many small
 * pieces still costs one pass. A head ends at its first empty line; a line may end in CRLF or,
 * leniently, in a bare LF. Empty lines before a request line are skipped (RFC 9112, 2.2).
 *
 * <p>What it refuses, with {@link RequestError}: a malformed request line or header (400), a head
 * longer than {@link #MAX_HEAD} or a declared body longer than {@link #MAX_BODY} (413), a target
 * longer than {@link #MAX_TARGET} (414), an HTTP major version other than 1 (505), a
 * {@code Transfer-Encoding} (501: this server reads no chunked bodies), an HTTP/1.1 request
 * without exactly one {@code Host}, and conflicting {@code Content-Length}s (400).
 *
 * <p>One parser per connection; positions are relative to the start of the current request, so
 * the connection may move its unread bytes to the front of its buffer between calls.
 */
final class RequestParser {

    /** Largest head, request line and headers, in bytes. */
    static final int MAX_HEAD = 8 * 1024;
    /** Largest request target, in bytes. */
    static final int MAX_TARGET = 2 * 1024;
    /** Largest body a request may declare (this server reads bodies only to skip them). */
    static final long MAX_BODY = 1 << 20;

    /** Bytes of the current request already scanned. */
    private long scanned;
    /** Where the line being scanned starts. */
    private long lineStart;
    /** Bytes of empty lines before the request line. */
    private long blank;

    /**
     * The request whose head lies in {@code in} from {@code start} to before {@code end}, or
     * {@code null} if its head is not complete yet (call again with the same start once more
     * bytes are there). After a request is returned, the next one starts its
     * {@link Request#headLength} bytes later.
     *
     * @throws RequestError if the head is malformed or too large
     */
    Request parse(MemorySegment in, long start, long end) {
        long available = end - start;
        for (long i = scanned; i < available; i++) {
            if (in.get(JAVA_BYTE, start + i) != '\n') {
                continue;
            }
            long lineEnd = i > lineStart && in.get(JAVA_BYTE, start + i - 1) == '\r' ? i - 1 : i;
            if (lineEnd > lineStart) {
                lineStart = i + 1;
                continue;
            }
            if (lineStart == blank) { // an empty line before the request line
                blank = i + 1;
                lineStart = i + 1;
                continue;
            }
            long headEnd = i + 1;
            long headStart = blank;
            reset();
            if (headEnd > MAX_HEAD) {
                throw new RequestError(Status.CONTENT_TOO_LARGE, "a head of " + headEnd + " bytes");
            }
            byte[] head = in.asSlice(start + headStart, headEnd - headStart).toArray(JAVA_BYTE);
            return Head.parse(new String(head, StandardCharsets.ISO_8859_1), headEnd);
        }
        scanned = available;
        if (available > MAX_HEAD) {
            reset();
            throw new RequestError(Status.CONTENT_TOO_LARGE, "no end of the head in " + available + " bytes");
        }
        return null;
    }

    private void reset() {
        scanned = 0;
        lineStart = 0;
        blank = 0;
    }

    /** The checks of one complete head, as text (ISO-8859-1: one char per byte). */
    private static final class Head {

        private int hosts;
        /** The declared body length; -1 while no Content-Length was seen. */
        private long contentLength = -1;
        private boolean transferEncoding;
        private boolean close;
        private boolean keepAlive;
        private boolean expectsContinue;

        static Request parse(String head, long length) {
            int eol = head.indexOf('\n');
            String requestLine = stripCr(head.substring(0, eol));
            Head h = new Head();
            int from = eol + 1;
            while (from < head.length()) {
                int next = head.indexOf('\n', from);
                String line = stripCr(head.substring(from, next));
                from = next + 1;
                if (line.isEmpty()) {
                    break; // the head's final empty line
                }
                h.header(line);
            }
            return h.request(requestLine, length);
        }

        private static String stripCr(String line) {
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }

        private Request request(String line, long length) {
            int sp1 = line.indexOf(' ');
            int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
            if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
                throw bad("a request line that is not METHOD SP TARGET SP VERSION");
            }
            String method = line.substring(0, sp1);
            String target = line.substring(sp1 + 1, sp2);
            String version = line.substring(sp2 + 1);
            if (!isToken(method)) {
                throw bad("a method that is not a token");
            }
            if (target.isEmpty() || !isVisible(target)) {
                throw bad("a target with a character outside visible ASCII");
            }
            if (target.length() > MAX_TARGET) {
                throw new RequestError(Status.URI_TOO_LONG, "a target of " + target.length() + " bytes");
            }
            int minor = minorVersion(version);
            if (minor >= 1 && hosts != 1) {
                throw bad(hosts + " Host headers in an HTTP/1.1 request");
            }
            if (transferEncoding) {
                if (contentLength >= 0) {
                    throw bad("both Transfer-Encoding and Content-Length");
                }
                throw new RequestError(Status.NOT_IMPLEMENTED, "a Transfer-Encoding body");
            }
            boolean persistent = minor >= 1 ? !close : keepAlive && !close;
            return new Request(method, target, minor, persistent, Math.max(contentLength, 0), expectsContinue, length);
        }

        /** The minor version of {@code HTTP/1.x}; 505 for another major version, 400 for anything else. */
        private static int minorVersion(String version) {
            if (version.length() != 8 || !version.startsWith("HTTP/") || version.charAt(6) != '.'
                    || !isDigit(version.charAt(5)) || !isDigit(version.charAt(7))) {
                throw bad("a version that is not HTTP/DIGIT.DIGIT");
            }
            if (version.charAt(5) != '1') {
                throw new RequestError(Status.VERSION_NOT_SUPPORTED, "version " + version);
            }
            return Math.min(version.charAt(7) - '0', 1);
        }

        private void header(String line) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                // also catches obsolete line folding (a line starting with white space), which RFC 9112 lets a server refuse
                throw bad("a header line without a name and a colon");
            }
            String name = line.substring(0, colon);
            if (!isToken(name)) {
                throw bad("a header name that is not a token (white space before the colon?)");
            }
            String value = trimOws(line.substring(colon + 1));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw bad("a control character in header " + name);
                }
            }
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "host" -> hosts++;
                case "content-length" -> contentLength(value);
                case "transfer-encoding" -> transferEncoding = true;
                case "connection" -> connection(value);
                case "expect" -> expectsContinue |= value.equalsIgnoreCase("100-continue");
                default -> {
                    // other headers do not change how this server answers
                }
            }
        }

        private void contentLength(String value) {
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Head::isDigit)) {
                throw bad("a Content-Length that is not a decimal count");
            }
            long n = Long.parseLong(value);
            if (contentLength >= 0 && n != contentLength) {
                throw bad("two different Content-Lengths");
            }
            if (n > MAX_BODY) {
                throw new RequestError(Status.CONTENT_TOO_LARGE, "a body of " + n + " bytes");
            }
            contentLength = n;
        }

        private void connection(String value) {
            for (String option : value.split(",")) {
                String o = trimOws(option);
                close |= o.equalsIgnoreCase("close");
                keepAlive |= o.equalsIgnoreCase("keep-alive");
            }
        }

        private static String trimOws(String s) {
            int a = 0;
            int b = s.length();
            while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
                a++;
            }
            while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
                b--;
            }
            return s.substring(a, b);
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        /** Whether {@code s} is a token (RFC 9110, 5.6.2): one or more tchars. */
        private static boolean isToken(String s) {
            if (s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
                if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                    return false;
                }
            }
            return true;
        }

        /** Whether every character of {@code s} is visible ASCII (0x21..0x7e). */
        private static boolean isVisible(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    return false;
                }
            }
            return true;
        }

        private static RequestError bad(String why) {
            return new RequestError(Status.BAD_REQUEST, why);
        }
    }
}
