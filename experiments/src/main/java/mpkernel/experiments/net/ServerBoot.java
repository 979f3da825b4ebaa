package mpkernel.experiments.net;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mpkernel.experiments.launch.KernelLaunch;
import mpkernel.experiments.launch.KernelOutcome;
import mpkernel.isolation.Backend;

/**
 * One kernel booted with a TAP network to serve a benchmark: the launch runs in the background
 * while the benchmark plays the client in the namespace the kernel announces
 * ({@code net: netns NAME, guest 10.77.0.2, ...}). A server given a connection limit ends by
 * itself and leaves its signed report (with the gate crossings); one without is stopped.
 */
final class ServerBoot implements AutoCloseable {

    /** The kernel's address inside its namespace. */
    static final String GUEST = "10.77.0.2";

    private static final Pattern NET = Pattern.compile("net: netns (\\S+), guest");

    private final StringBuffer out = new StringBuffer();
    private final CompletableFuture<KernelOutcome> outcome;

    private ServerBoot(Backend backend, String modulePath, String program, List<String> args, Map<String, Path> hostFiles) {
        KernelLaunch launch = KernelLaunch.of(backend, modulePath, program, args).net(KernelLaunch.Net.TAP)
                .timeout(Duration.ofMinutes(20)).echoTo(new PrintStream(new OutputStream() {
                    @Override
                    public void write(int b) {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        out.append(new String(b, off, len, StandardCharsets.UTF_8));
                    }
                }, true, StandardCharsets.UTF_8));
        hostFiles.forEach(launch::hostFile);
        outcome = CompletableFuture.supplyAsync(launch::run, r -> Thread.ofPlatform().daemon().name("netbench-kernel").start(r));
    }

    /**
     * Boots {@code program} and waits until it prints {@code ready} (its listening line).
     *
     * @throws HostCommand.Failed when it ends or stays silent for two minutes first
     */
    static ServerBoot start(Backend backend, String modulePath, String program, List<String> args, Map<String, Path> hostFiles,
                            String ready) {
        ServerBoot boot = new ServerBoot(backend, modulePath, program, args, hostFiles);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (boot.namespace() == null || boot.out.indexOf(ready) < 0) {
            if (boot.outcome.isDone() || System.nanoTime() > deadline) {
                boot.close();
                throw new HostCommand.Failed(program + " on " + backend.cliName() + " did not start: " + boot.tail());
            }
            sleep(20);
        }
        return boot;
    }

    /** The namespace of the kernel's TAP interface, once announced; else null. */
    String namespace() {
        Matcher m = NET.matcher(out);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Waits for a server with a connection limit to end by itself.
     *
     * @throws HostCommand.Failed when it does not within {@code seconds}
     */
    KernelOutcome finish(int seconds) {
        try {
            return outcome.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            close();
            throw new HostCommand.Failed("the kernel did not end within " + seconds + " s: " + tail());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new HostCommand.Failed("the kernel launch failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCommand.Failed("interrupted");
        }
    }

    /** Everything the kernel printed so far. */
    String output() {
        return out.toString();
    }

    /** Stops the kernel if it still runs (its namespace goes with it) and waits for the launch to end. */
    @Override
    public void close() {
        if (outcome.isDone()) {
            return;
        }
        String ns = namespace();
        // The kernel JVM is this process's child; it carries its namespace in its arguments (--net-label).
        ProcessHandle.current().descendants()
                .filter(p -> ns != null && p.info().commandLine().map(c -> c.contains("netns " + ns)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        try {
            outcome.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // it ended as killed, or could not be waited for; the namespace is the launch's to delete
        }
    }

    private String tail() {
        String s = out.toString().strip().replace('\n', ' ');
        return s.isEmpty() ? "(no output)" : s.length() > 400 ? "..." + s.substring(s.length() - 400) : s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCommand.Failed("interrupted");
        }
    }
}
