package mpkernel.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.experiments.launch.NetNamespace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code http-server} over TAP against the real clients it is for, on none and mprotect: stock
 * {@code curl} (a 64 KiB file byte for byte, {@code HEAD}, two URLs over one connection, 404,
 * 405, 413, traversal attempts sent verbatim with {@code --path-as-is}), raw requests from a
 * {@code java.net} socket (400, pipelining, an absolute-form traversal, a declared body too
 * large) and a short {@code wrk} run. TAP and {@code curl} missing is a printed reason to skip,
 * {@code wrk} missing skips its part; under CI ({@code CI=true}) each is a failure.
 */
class HttpServerInteropTest {

    private static final String GUEST = NetScenarios.GUEST;
    /** What {@code /proc/layout}, outside the document root, holds: it must never come back. */
    private static final String LAYOUT_MARK = "region SAFE_KERNEL";
    private static final List<String> TRAVERSALS = List.of(
            "/../proc/layout",
            "/%2e%2e/proc/layout",
            "/%2E%2e%2fproc%2flayout",
            "/..%2fproc%2flayout",
            "/a.txt/../../proc/layout",
            "/..%5cproc%5clayout",
            "/%c0%ae%c0%ae/proc/layout");

    @TempDir
    Path tmp;

    @Test
    void curlAndWrkGetFilesAndNothingOutsideTheRoot() throws Exception {
        boolean wrk = requireTools();
        for (String backend : List.of("none", "mprotect")) {
            serveOverTap(backend, wrk);
        }
    }

    private void serveOverTap(String backend, boolean wrk) throws Exception {
        byte[] random = new byte[64 * 1024];
        new SplittableRandom(18).nextBytes(random);
        Path bin = Files.write(tmp.resolve(backend + ".bin"), random);
        Path txt = Files.writeString(tmp.resolve(backend + ".txt"), "hello from the host\n");
        // curl: GET, HEAD, keep-alive, 404, 405, 413, one per traversal; raw: 400, pipelining, absolute form, body; wrk: 2
        int connections = 6 + TRAVERSALS.size() + 4 + (wrk ? 2 : 0);
        try (NetRun run = NetRun.start("run", "--backend", backend, "--net", "tap", "--host-file", "r.bin=" + bin,
                "--host-file", "a.txt=" + txt, "http-server", "80", Integer.toString(connections))) {
            String ns = run.namespace();
            try {
                run.awaitOutput("http-server: listening on port 80, root /host");
                exchanges(ns, random, wrk);
                run.awaitOutput("http-server: served "); // the count was exact: the server ends by itself
            } finally {
                endRun(run, ns);
            }
            CliHarness.Outcome o = run.finish();
            assertEquals(0, o.status(), o.out());
            assertTrue(o.out().contains("http-server: served "), o.out());
            assertFalse(o.out().contains("connection ended by") || o.out().contains("PROTECTION FAULT")
                    || o.out().contains("terminated by"), o.out());
        }
    }

    private void exchanges(String ns, byte[] random, boolean wrk) throws Exception {
        String base = "http://" + GUEST;
        Path download = tmp.resolve("download");

        HostTools.Result get = curl(ns, "-s", "-o", download.toString(), "-w", "%{http_code} %{size_download} %{content_type}",
                base + "/r.bin");
        assertEquals("200 65536 application/octet-stream", get.output());
        assertArrayEquals(random, Files.readAllBytes(download), "the 64 KiB file byte for byte");

        HostTools.Result head = curl(ns, "-s", "-I", base + "/r.bin");
        assertTrue(head.output().startsWith("HTTP/1.1 200 OK\r\n"), head.output());
        assertTrue(head.output().contains("Content-Length: 65536\r\n"), head.output());
        assertTrue(head.output().endsWith("\r\n\r\n"), "HEAD has no body: " + head.output());

        HostTools.Result twice = curl(ns, "-s", "-o", "/dev/null", "-o", "/dev/null", "-w", "%{http_code}:%{num_connects}\n",
                base + "/a.txt", base + "/r.bin");
        assertEquals("200:1\n200:0\n", twice.output(), "the second URL reuses the first one's connection");

        assertEquals("404", curl(ns, "-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/missing.txt").output());

        HostTools.Result delete = curl(ns, "-s", "-D", "-", "-o", "/dev/null", "-X", "DELETE", base + "/a.txt");
        assertTrue(delete.output().startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), delete.output());
        assertTrue(delete.output().contains("Allow: GET, HEAD\r\n"), delete.output());

        assertEquals("413", curl(ns, "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "X-Big: " + "b".repeat(9000),
                base + "/a.txt").output(), "a head over 8 KiB");

        for (String target : TRAVERSALS) {
            HostTools.Result t = curl(ns, "-s", "--path-as-is", "-w", "\n%{http_code}", base + target);
            assertFalse(t.output().contains(LAYOUT_MARK), target + " served a file outside the root:\n" + t.output());
            assertTrue(t.output().endsWith("\n400"), "refused, not merely missing: " + target + ": " + t.output());
        }

        String bad = raw(ns, "GET /a.txt HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
        assertTrue(bad.startsWith("HTTP/1.1 400 Bad Request\r\n") && bad.contains("Connection: close\r\n"), bad);

        String pipelined = raw(ns, "GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\nHEAD /r.bin HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(3, pipelined.split("HTTP/1.1 200 OK\r\n", -1).length - 1, pipelined);
        assertTrue(pipelined.indexOf("hello from the host") < pipelined.indexOf("Content-Length: 65536")
                && pipelined.endsWith("hello from the host\n"), "answered in order: " + pipelined);

        String absolute = raw(ns, "GET http://" + GUEST + "/../proc/layout HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(absolute.startsWith("HTTP/1.1 400 ") && !absolute.contains(LAYOUT_MARK), absolute);

        String body = raw(ns, "POST /a.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");
        assertTrue(body.startsWith("HTTP/1.1 413 Content Too Large\r\n"), body);

        if (wrk) {
            HostTools.Result w = HostTools.inNamespace(ns, List.of("wrk", "-t1", "-c2", "-d2s", base + "/a.txt"), new byte[0], 60);
            assertEquals(0, w.status(), w.output());
            Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(w.output());
            assertTrue(rate.find() && Double.parseDouble(rate.group(1)) > 0, w.output());
            assertFalse(w.output().contains("Socket errors") || w.output().contains("Non-2xx"), w.output());
        }
    }

    private static HostTools.Result curl(String ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("curl", "--max-time", "30"));
        cmd.addAll(List.of(args));
        HostTools.Result r = HostTools.inNamespace(ns, cmd, new byte[0], 60);
        assertEquals(0, r.status(), "curl " + String.join(" ", args) + ":\n" + r.output());
        return r;
    }

    /** Sends {@code request} on a connection of its own, ends the sending side and reads the answer to the server's close. */
    private static String raw(String ns, String request) throws Exception {
        return Netns.call(ns, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(GUEST, 80), 20_000);
                s.setSoTimeout(30_000);
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                s.shutdownOutput();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                try (InputStream in = s.getInputStream()) {
                    in.transferTo(answer);
                } catch (IOException e) {
                    answer.writeBytes(("\n[" + e + "]").getBytes(StandardCharsets.ISO_8859_1));
                }
                return answer.toString(StandardCharsets.ISO_8859_1);
            }
        });
    }

    /**
     * Makes sure the run ends even when a check failed half-way: connections that ask for
     * nothing, until the server has had its count of them or refuses (it ended otherwise).
     */
    private static void endRun(NetRun run, String ns) throws Exception {
        boolean listening = true;
        for (int i = 0; i < 64 && listening && !run.output().contains("http-server: served "); i++) {
            listening = Netns.call(ns, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(GUEST, 80), 5_000);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            Thread.sleep(100);
        }
    }

    /** Skips (or under CI fails) without TAP or curl; returns whether wrk is there (under CI it must be). */
    private static boolean requireTools() {
        boolean ci = "true".equals(System.getenv("CI"));
        Optional<String> missing = NetNamespace.unavailableReason()
                .or(() -> HostTools.installed("curl") ? Optional.empty() : Optional.of("curl is not installed"));
        missing.ifPresent(reason -> {
            if (ci) {
                throw new IllegalStateException("CI must run the http-server tests, but: " + reason);
            }
            System.out.println("SKIPPED http-server tests: " + reason);
            Assumptions.abort(reason);
        });
        boolean wrk = HostTools.installed("wrk");
        if (!wrk) {
            if (ci) {
                throw new IllegalStateException("CI must run wrk against http-server: .ci/run installs it");
            }
            System.out.println("SKIPPED the wrk part of the http-server tests: wrk is not installed");
        }
        return wrk;
    }
}
