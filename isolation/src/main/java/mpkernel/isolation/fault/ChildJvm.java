package mpkernel.isolation.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import mpkernel.isolation.RegionLayout;

/**
 * Runs a Java main class in a child JVM that may be killed by a protection fault, and reports
 * its {@link Fate}. The child gets {@code -XX:ErrorFile} and {@code -Dmpk.layout} inside a
 * private work folder, no core dump, and the parent's JDK and class or module path.
 */
public final class ChildJvm {

    private final List<String> launch = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(10);
    private PrintStream echo;
    private Path workDir;
    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

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

    /** Also copies the child's stdout and stderr to {@code out} as they come, without HotSpot's crash banner. */
    public ChildJvm echoTo(PrintStream out) {
        echo = out;
        return this;
    }

    /** Where the child's hs_err and layout files go (default: a fresh temp folder). */
    public ChildJvm workDir(Path dir) {
        workDir = dir;
        return this;
    }

    /** The java launcher to use (default: this JVM's). */
    public ChildJvm java(String javaExecutable) {
        java = javaExecutable;
        return this;
    }

    /** Runs the child to its end. */
    public Fate run() {
        try {
            Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("mpk-child");
            Path hsErr = dir.resolve("hs_err.log");
            Path layout = dir.resolve("layout.txt");
            Files.deleteIfExists(hsErr);
            Files.deleteIfExists(layout);
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.add("-XX:ErrorFile=" + hsErr);
            cmd.add("-XX:-CreateCoredumpOnCrash");
            cmd.add("-Dmpk.layout=" + layout);
            cmd.addAll(jvmArgs);
            cmd.addAll(launch);
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread o = pump(p.getInputStream(), out, echo);
            Thread e = pump(p.getErrorStream(), err, echo);
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            o.join();
            e.join();
            Optional<CrashReport> crash = Files.exists(hsErr) ? CrashReport.read(hsErr) : Optional.empty();
            Optional<RegionLayout> regions = Files.exists(layout) ? Optional.of(RegionLayout.read(layout)) : Optional.empty();
            return new Fate(finished ? p.exitValue() : -1, !finished, out.toString(), err.toString(), crash, regions,
                    Files.exists(hsErr) ? Optional.of(hsErr) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        }
    }

    private static Thread pump(InputStream in, StringBuilder sink, PrintStream echo) {
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            boolean banner = false;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (sink) {
                        sink.append(line).append('\n');
                    }
                    // HotSpot's crash banner ("#" lines) goes to the log, not to the user's screen.
                    banner |= line.startsWith("# A fatal error has been detected");
                    if (echo != null && !banner && !(line.startsWith("#") && line.length() < 3)) {
                        echo.println(line);
                        echo.flush();
                    }
                }
            } catch (IOException ignored) {
                // the child died; what it wrote so far is in the sink
            }
        });
        return t;
    }
}
