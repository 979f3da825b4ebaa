package mpkernel.experiments.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's {@code ip} for the launcher's and the network benchmark's namespaces and
 * links: one way to run it, so that every failure reads the same, as one line naming the
 * command and what it printed.
 */
public final class IpCommand {

    private IpCommand() {
    }

    /**
     * Runs {@code ip ARGS}, waiting at most 30 s, with its standard input closed.
     *
     * @return what it printed, standard error included
     * @throws IllegalStateException when it cannot be started, fails, does not finish in time or
     *     the wait is interrupted (the thread's interrupt flag is then set again)
     */
    public static String run(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("ip");
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", cmd));
        }
    }

    /** {@link #run(List)} with the arguments given one by one. */
    public static String run(String... args) {
        return run(List.of(args));
    }
}
