package mpkernel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Linux tools the network tests drive ({@code ping}, {@code nc}, {@code socat}), run in a namespace. */
final class HostTools {

    /** What a tool printed and how it ended. */
    record Result(int status, String output) {
    }

    private HostTools() {
    }

    /** Whether {@code tool} is installed. */
    static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code command} inside network namespace {@code ns} with {@code input} on its standard
     * input, killing it after {@code seconds}; returns its status (-1 if killed) and output.
     */
    static Result inNamespace(String ns, List<String> command, byte[] input, int seconds) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread feeder = Thread.ofPlatform().start(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(input);
                } catch (IOException ignored) {
                    // the tool stopped reading
                }
            });
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    p.getInputStream().transferTo(out);
                } catch (IOException ignored) {
                    // killed
                }
            });
            boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            feeder.join();
            reader.join();
            return new Result(ended ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
