package mpkernel.user.http;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathResolverTest {

    private final PathResolver host = new PathResolver("/host");

    @ParameterizedTest
    @CsvSource({
        "/a.txt,                 /host/a.txt",
        "/,                      /host",
        "/a.txt?x=/../../proc,   /host/a.txt",
        "/a.txt#/../../proc,     /host/a.txt",
        "//a.txt,                /host/a.txt",
        "/./a.txt,               /host/a.txt",
        "/sub/./b/,              /host/sub/b",
        "/my%20file.txt,         /host/my file.txt",
        "/caf%C3%A9,             /host/café",
        "/%252e%252e,            /host/%2e%2e",
        "/...,                   /host/...",
        "/..a,                   /host/..a",
        "http://10.77.0.2/a.txt, /host/a.txt",
        "HTTP://h:80/a.txt?q,    /host/a.txt",
        "http://h,               /host",
        "http://h?x=/../a,       /host",
    })
    void targetsNameFilesUnderTheRoot(String target, String path) {
        assertEquals(path, host.resolve(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../proc/layout",
        "/..",
        "/a/../../proc/layout",
        "/a/..",
        "/%2e%2e/proc/layout",
        "/%2E%2e/proc/layout",
        "/.%2e/proc/layout",
        "/%2e./proc/layout",
        "/..%2fproc%2flayout",
        "/a%2f..%2f..%2fproc",
        "/%2fproc/layout",
        "/%2Fproc/layout",
        "/..\\proc\\layout",
        "/a\\b",
        "/%5c..%5cproc",
        "/%5C",
        "/a.txt%00.html",
        "/%00",
        "/a%0d%0aSet-Cookie:x",
        "/%7f",
        "/%c2%85",
        "/%c0%ae%c0%ae/proc/layout",
        "/%c0%af",
        "/%e0%80%ae",
        "/%",
        "/%2",
        "/%zz",
        "/%e2%82",
        "http://evil/../proc/layout",
        "http://evil/%2e%2e/proc/layout",
        "https://evil//..//proc",
        "file:///proc/layout",
        "proc/layout",
        "*",
        "..",
        "",
    })
    void hostileTargetsAreRefused(String target) {
        RequestError e = assertThrows(RequestError.class, () -> host.resolve(target), target);
        assertEquals(400, e.status(), target);
    }

    @Test
    void theRootSlashMapsTargetsAsTheyAre() {
        PathResolver all = new PathResolver("/");
        assertEquals("/proc/layout", all.resolve("/proc/layout"));
        assertEquals("/", all.resolve("/"));
        assertEquals("/host/a", all.resolve("//host//a"));
        assertThrows(RequestError.class, () -> all.resolve("/host/../.."));
    }

    @Test
    void rootsMustBeAbsoluteAndNormalised() {
        for (String ok : List.of("/", "/host", "/proc", "/a/b")) {
            assertTrue(PathResolver.isCleanRoot(ok), ok);
        }
        for (String bad : List.of("", "host", "/host/", "//", "/a//b", "/a/./b", "/a/..", "/..", "/a\\b", "/a\u0000")) {
            assertFalse(PathResolver.isCleanRoot(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> new PathResolver(bad));
        }
    }

    /**
     * Targets glued together from the pieces of traversal attacks: each is refused or names a
     * path under the root with no {@code ..} segment and no backslash or control character.
     */
    @Test
    void noMixOfHostilePiecesLeavesTheRoot() {
        String[] pieces = {"/", "..", ".", "%2e", "%2E", "%2f", "%2F", "%5c", "\\", "%00", "%c0%ae", "%25", "%252e", "a", "proc",
            "layout", "?", "#", "%", "//", "http://x/"};
        SplittableRandom random = new SplittableRandom(18);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder target = new StringBuilder(random.nextBoolean() ? "/" : "");
            for (int n = random.nextInt(1, 9); n > 0; n--) {
                target.append(pieces[random.nextInt(pieces.length)]);
            }
            String path;
            try {
                path = host.resolve(target.toString());
            } catch (RequestError e) {
                assertEquals(400, e.status());
                continue;
            }
            accepted++;
            assertTrue(path.equals("/host") || path.startsWith("/host/"), target + " -> " + path);
            for (String segment : path.split("/")) {
                assertFalse(segment.equals("..") || segment.equals("."), target + " -> " + path);
            }
            assertFalse(path.contains("//") || path.endsWith("/") || path.chars().anyMatch(c -> c < 0x20 || c == '\\'),
                    target + " -> " + path);
        }
        assertTrue(accepted > 1000, "the mix must also produce harmless targets, to test the accepting side: " + accepted);
    }
}
