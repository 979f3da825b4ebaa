package mpkernel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import mpkernel.isolation.fault.PkuGuest;

/**
 * Launcher commands run side by side, each in its own boot of the PKU guest: QEMU emulates a
 * guest on one host core, so two guests use two. With one guest its output passes through
 * untouched; with several, each line is labelled with its guest. Interrupting the host stops
 * every guest (the guest runner kills its QEMU when its parent dies).
 */
final class GuestShards {

    private final List<List<String>> commands;
    private final long timeoutSeconds;

    /** {@code commands}, one per guest; the guest runner ends a guest after {@code timeoutSeconds}. */
    GuestShards(List<List<String>> commands, long timeoutSeconds) {
        this.commands = List.copyOf(commands);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs every guest to its end; returns 0, or the first non-zero exit status. */
    int run() throws IOException, InterruptedException {
        List<Process> guests = new ArrayList<>();
        List<Thread> relays = new ArrayList<>();
        try {
            for (int k = 0; k < commands.size(); k++) {
                ProcessBuilder pb = PkuGuest.interactive(new ProcessBuilder(PkuGuest.wrap(commands.get(k))));
                pb.environment().put("MPK_QEMU_TIMEOUT", Long.toString(timeoutSeconds));
                // trials run one at a time in a guest (its vCPUs share one host core): one vCPU starts each trial's JVM sooner
                pb.environment().put("MPK_QEMU_SMP", "1");
                if (commands.size() == 1) {
                    guests.add(pb.inheritIO().start());
                    continue;
                }
                Process p = pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
                p.getOutputStream().close();
                guests.add(p);
                relays.add(relay(p, "guest " + (k + 1) + ": ", System.err));
            }
            int status = 0;
            for (Process p : guests) {
                int s = p.waitFor();
                status = status != 0 ? status : s;
            }
            for (Thread t : relays) {
                t.join();
            }
            return status;
        } finally {
            guests.forEach(Process::destroy);
        }
    }

    /** Copies {@code p}'s output to {@code to} line by line, each line after {@code label}. */
    private static Thread relay(Process p, String label, PrintStream to) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    to.println(label + line);
                }
            } catch (IOException e) {
                to.println(label + "(output lost: " + e.getMessage() + ")");
            }
        });
    }
}
