package mpkernel.isolation.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.RegionLayout;

/**
 * Runs a Java main class in a child JVM that may be killed by a protection fault, and reports
 * its {@link Fate}. The child writes its crash report to its standard error
 * ({@code -XX:+ErrorFileToStderr}: it needs no file, and leaves none behind) and dumps no core.
 *
 * <p>The parent decides where the child's domain regions lie ({@link #layout}) and attributes a
 * fault address with that layout, never with anything the child says about itself. What the
 * child gets on its standard input ({@link #input}) is the way to hand it something its own
 * code must not learn, such as a verdict token.
 */
public final class ChildJvm {

    private final List<String> wrapper = new ArrayList<>();
    private final List<String> launch = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(10);
    private PrintStream echo;
    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private byte[] input = new byte[0];
    private RegionLayout layout;
    private java.util.function.Predicate<String> hidden = line -> false;

    private ChildJvm() {
    }

    /** A child that runs {@code mainClass} on this JVM's class path. */
    public static ChildJvm onClassPath(String mainClass) {
        ChildJvm c = new ChildJvm();
        c.launch.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return c;
    }

    /** A child that runs {@code module/mainClass} on {@code modulePath}. */
    public static ChildJvm onModulePath(String modulePath, String module, String mainClass) {
        ChildJvm c = new ChildJvm();
        c.launch.addAll(List.of("-p", modulePath, "-m", module + "/" + mainClass));
        return c;
    }

    /** Adds JVM options (before the main class). */
    public ChildJvm jvmArgs(List<String> options) {
        jvmArgs.addAll(options);
        return this;
    }

    /** Adds program arguments. */
    public ChildJvm args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    /** Kills the child after {@code limit}; its fate is then {@link Fate.Kind#TIMEOUT}. Default 10 minutes. */
    public ChildJvm timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /** Also copies the child's stdout and stderr to {@code out} as they come, without HotSpot's crash report. */
    public ChildJvm echoTo(PrintStream out) {
        echo = out;
        return this;
    }

    /** Lines {@link #echoTo} does not copy (they are still recorded in the fate). */
    public ChildJvm hideFromEcho(java.util.function.Predicate<String> lines) {
        hidden = lines;
        return this;
    }

    /** What the child reads on its standard input (then end of file). Default: nothing. */
    public ChildJvm input(byte[] bytes) {
        input = bytes.clone();
        return this;
    }

    /** Where the parent placed the child's domain regions (it passes the base address itself). */
    public ChildJvm layout(RegionLayout regions) {
        layout = regions;
        return this;
    }

    /**
     * A command the JVM is started through, which must exec it in its own place (so that the
     * exit status, the signals and the crash report are the JVM's), e.g.
     * {@code ip netns exec NAME}.
     */
    public ChildJvm wrapper(List<String> command) {
        wrapper.addAll(command);
        return this;
    }

    /** The java launcher to use (default: this JVM's). */
    public ChildJvm java(String javaExecutable) {
        java = javaExecutable;
        return this;
    }

    /** The whole command line. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(java);
        cmd.add("-XX:+ErrorFileToStderr");
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.addAll(jvmArgs);
        cmd.addAll(launch);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs the child to its end. */
    public Fate run() {
        try {
            Process p = new ProcessBuilder(command()).start();
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread o = pump(p.getInputStream(), out, echo, hidden);
            Thread e = pump(p.getErrorStream(), err, echo, hidden);
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(input);
            } catch (IOException ignored) {
                // the child did not read its input (it died, or does not want it)
            }
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            o.join();
            e.join();
            Optional<CrashReport> crash = CrashReport.parse(err.toString());
            return new Fate(finished ? p.exitValue() : -1, !finished, out.toString(), err.toString(), crash,
                    Optional.ofNullable(layout));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        }
    }

    private static Thread pump(InputStream in, StringBuilder sink, PrintStream echo, java.util.function.Predicate<String> hidden) {
        return Thread.ofPlatform().daemon().start(() -> {
            boolean report = false;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (sink) {
                        sink.append(line).append('\n');
                    }
                    // HotSpot's crash report is for the parent to read, not for the user's screen.
                    report |= CrashReport.startsReport(line);
                    // (the bare "#" lines HotSpot prints around its crash banner go with it)
                    if (echo != null && !report && !line.equals("#") && !hidden.test(line)) {
                        echo.println(line);
                        echo.flush();
                    }
                }
            } catch (IOException ignored) {
                // the child died; what it wrote so far is in the sink
            }
        });
    }
}
