package mpkernel.user.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a request target into the kernel path of the file it names under the document root, or
 * refuses it (400). Whatever a target holds, the path it gives is the root followed by
 * {@code /} and plain names: this is the server's only defence against reading outside its root,
 * so it refuses rather than repairs anything ambiguous.
 *
 * <p>The steps, in this order: an absolute-form target ({@code http://host/path}) keeps its path;
 * the query and fragment go; the path must start with {@code /}; percent-escapes are decoded
 * once, and the decoded bytes must be UTF-8 (no overlong forms, which is how {@code %c0%ae}
 * would smuggle a dot); then, on the decoded text, an encoded {@code /} ({@code %2f}), a
 * backslash, NUL or any other control character is refused, and the path is split at {@code /}:
 * empty and {@code .} segments drop out, and a {@code ..} segment is refused, never resolved.
 * The joined result is checked once more to lie under the root.
 */
final class PathResolver {

    private final String root;

    /**
     * A resolver for document root {@code root}: an absolute kernel path, {@code /} or a path
     * without empty, {@code .} or {@code ..} segments and without a final {@code /}.
     *
     * @throws IllegalArgumentException if {@code root} is not such a path
     */
    PathResolver(String root) {
        if (!isCleanRoot(root)) {
            throw new IllegalArgumentException("not an absolute, normalised directory path: " + root);
        }
        this.root = root;
    }

    /** Whether {@code root} may be a document root (see the constructor). */
    static boolean isCleanRoot(String root) {
        if (root.equals("/")) {
            return true;
        }
        if (!root.startsWith("/") || root.endsWith("/")) {
            return false;
        }
        for (String segment : root.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !cleanName(segment)) {
                return false;
            }
        }
        return true;
    }

    /** The document root. */
    String root() {
        return root;
    }

    /**
     * The kernel path {@code target} names: the root itself (for {@code /}) or a path under it.
     *
     * @throws RequestError 400 if the target is malformed or could name something outside the root
     */
    String resolve(String target) {
        String path = withoutQuery(originForm(target));
        if (!path.startsWith("/")) {
            throw bad("a target that is neither origin form nor absolute form");
        }
        if (path.indexOf('\\') >= 0) {
            throw bad("a backslash");
        }
        List<String> names = new ArrayList<>();
        for (String raw : path.split("/")) {
            String name = decode(raw); // per segment, so that an escaped '/' can never split anew
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                throw bad("a '..' segment");
            }
            if (name.indexOf('/') >= 0 || !cleanName(name)) {
                throw bad("an encoded '/', a backslash or a control character in a name");
            }
            names.add(name);
        }
        String resolved = names.isEmpty() ? root : (root.equals("/") ? "" : root) + "/" + String.join("/", names);
        if (!resolved.equals(root) && !resolved.startsWith(root.equals("/") ? "/" : root + "/")) {
            throw new IllegalStateException(target + " resolved to " + resolved + ", outside " + root); // cannot happen
        }
        return resolved;
    }

    /** The path of an absolute-form target ({@code http://authority/path}); other targets as they are. */
    private static String originForm(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"http://", "https://"}) {
            if (lower.startsWith(scheme)) {
                int slash = target.indexOf('/', scheme.length());
                int query = target.indexOf('?', scheme.length());
                if (slash < 0 || (query >= 0 && query < slash)) {
                    return "/";
                }
                return target.substring(slash);
            }
        }
        return target;
    }

    private static String withoutQuery(String target) {
        int end = target.length();
        int q = target.indexOf('?');
        int f = target.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (f >= 0 && f < end) {
            end = f;
        }
        return target.substring(0, end);
    }

    /** Decodes the percent-escapes of one segment, once; the bytes must be well-formed UTF-8. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment; // the request line is visible ASCII already
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                throw bad("a '%' not followed by two hex digits");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad("escapes that are not UTF-8");
        }
    }

    /** Whether {@code name} holds no backslash and no control character (C0, DEL or C1). */
    private static boolean cleanName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static RequestError bad(String why) {
        return new RequestError(Status.BAD_REQUEST, why);
    }
}
