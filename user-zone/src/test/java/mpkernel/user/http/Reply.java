package mpkernel.user.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One response as a client reads it off the stream: status, headers (names in lower case) and
 * exactly {@code Content-Length} bytes of body (none after a {@code HEAD}).
 */
record Reply(int status, Map<String, String> headers, byte[] body) {

    /** The responses in {@code stream}, in order; {@code heads} says which answer a HEAD (no body). */
    static List<Reply> all(byte[] stream, boolean... heads) {
        List<Reply> replies = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int end = indexOf(stream, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (end < 0) {
                throw new AssertionError("a response head without its end: "
                        + new String(stream, at, stream.length - at, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(stream, at, end - at, StandardCharsets.ISO_8859_1).split("\r\n");
            if (!lines[0].startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not a status line: " + lines[0]);
            }
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim()) != null) {
                    throw new AssertionError("a repeated header: " + lines[i]);
                }
            }
            int length = Integer.parseInt(headers.get("content-length"));
            boolean head = replies.size() < heads.length && heads[replies.size()];
            int bodyStart = end + 4;
            int bodyEnd = head ? bodyStart : bodyStart + length;
            if (bodyEnd > stream.length) {
                throw new AssertionError("a body of " + (stream.length - bodyStart) + " bytes, " + length + " announced");
            }
            replies.add(new Reply(status, headers, Arrays.copyOfRange(stream, bodyStart, bodyEnd)));
            at = bodyEnd;
        }
        return replies;
    }

    /** The only response in {@code stream}. */
    static Reply only(byte[] stream, boolean head) {
        List<Reply> all = all(stream, head);
        if (all.size() != 1) {
            throw new AssertionError(all.size() + " responses, one expected: " + new String(stream, StandardCharsets.ISO_8859_1));
        }
        return all.get(0);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
