package mpkernel.experiments.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux command run inside a network namespace for the benchmark: a client tool
 * ({@code redis-benchmark}, {@code wrk}) or a child JVM running {@link StreamPeer}.
 */
final class HostCommand {

    private HostCommand() {
    }

    /** A failed or stuck client; its message is one line. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** The command that runs {@link StreamPeer} with {@code args} in this JDK, from the jar (or folder) holding it. */
    static List<String> peer(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes;
        try {
            classes = Path.of(StreamPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classes,
                StreamPeer.class.getName()));
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code command} in namespace {@code ns}, waiting at most {@code seconds}; returns its output. */
    static String run(String ns, List<String> command, int seconds) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        String name = Path.of(command.getFirst()).getFileName().toString();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    p.getInputStream().transferTo(out);
                } catch (IOException ignored) {
                    // killed
                }
            });
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                reader.join();
                throw new Failed(name + " did not finish within " + seconds + " s: " + tail(out));
            }
            reader.join();
            if (p.exitValue() != 0) {
                throw new Failed(name + " failed with status " + p.exitValue() + ": " + tail(out));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failed("cannot run " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while running " + name);
        }
    }

    /** Starts {@code command} in namespace {@code ns} in the background, its output discarded. */
    static Process start(String ns, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Failed("cannot run " + command.getFirst() + ": " + e.getMessage());
        }
    }

    private static String tail(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ');
        return s.isEmpty() ? "(no output)" : s.length() > 300 ? "..." + s.substring(s.length() - 300) : s;
    }
}
