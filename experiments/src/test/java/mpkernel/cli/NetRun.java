package mpkernel.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ./mpk run} with a network, in this JVM but in the background (as {@link CliHarness}
 * runs commands, holding its lock): what it prints, as it prints it, the {@code net:} line it
 * announces, and its exit status once it ends. Meanwhile the test plays the host.
 */
final class NetRun implements AutoCloseable {

    private static final Pattern NET = Pattern.compile("net: (?:netns (\\S+)|loop), guest [0-9.]+, host [0-9.]+(?:, port (\\d+))?"
            + "(?:, (?:tcp|udp) forwarded from 127\\.0\\.0\\.1:(\\d+))?");

    private final StringBuffer out = new StringBuffer();
    private final CompletableFuture<Integer> status;
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;

    private NetRun(String... args) {
        synchronized (CliHarness.class) {
            PrintStream capture = new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (out) {
                        out.append(new String(b, off, len, StandardCharsets.UTF_8));
                        out.notifyAll();
                    }
                }
            }, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
        }
        status = CompletableFuture.supplyAsync(() -> Main.execute(args), r -> Thread.ofPlatform().daemon().start(r));
    }

    /** Starts {@code ./mpk ARGS}. */
    static NetRun start(String... args) {
        return new NetRun(args);
    }

    /** The network namespace the run announced (TAP), after waiting for its line. */
    String namespace() {
        return announcement().group(1);
    }

    /** The port the program serves, as announced. */
    int port() {
        return Integer.parseInt(announcement().group(2));
    }

    /** The loopback port the loop peer forwards to the program. */
    int forwardedPort() {
        return Integer.parseInt(announcement().group(3));
    }

    /** Waits for {@code text} in the output; fails after a minute (or once the run ended without it). */
    void awaitOutput(String text) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        synchronized (out) {
            while (out.indexOf(text) < 0) {
                if (status.isDone() || System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' in the output of the run:\n" + out);
                }
                try {
                    out.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    private Matcher announcement() {
        awaitOutput("net: ");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            Matcher m = NET.matcher(out);
            if (m.find() && out.indexOf("\n", m.start()) >= 0) {
                return m;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no complete net: line in\n" + out);
            }
            awaitOutput("\n");
            sleep();
        }
    }

    /** Waits for the end; returns the exit status and everything printed. */
    CliHarness.Outcome finish() {
        try {
            int s = status.get(10, TimeUnit.MINUTES);
            return new CliHarness.Outcome(s, out.toString(), "");
        } catch (Exception e) {
            throw new AssertionError("the run did not end: " + e + "\n" + out, e);
        } finally {
            close();
        }
    }

    /** Everything printed so far. */
    String output() {
        return out.toString();
    }

    @Override
    public void close() {
        synchronized (CliHarness.class) {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
