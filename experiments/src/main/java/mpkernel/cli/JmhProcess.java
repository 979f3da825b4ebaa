package mpkernel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JMH in a child JVM. The benchmarks run on the class path (the unnamed module, native access
 * for {@code ALL-UNNAMED}): JMH's generated harness is not written for the module path. The
 * class path is the kernel's module path, so the child runs exactly the jars {@code ./mpk}
 * runs. JMH forks its own JVMs from there, with this child's JVM options plus those the
 * benchmarks declare.
 */
final class JmhProcess {

    private static final Pattern RESULT = Pattern.compile("^Result \"(?:.*\\.)?([^.]+\\.[^.]+)\":$");
    private static final Pattern PROGRESS = Pattern.compile("^# Run progress: ([0-9.]+)% complete, ETA (\\S+)$");

    private JmhProcess() {
    }

    /** The benchmarks {@code include} selects (every one if {@code null}), by full name. */
    static List<String> list(String include) {
        List<String> cmd = command();
        cmd.add("-l");
        if (include != null) {
            cmd.add(include);
        }
        List<String> names = new ArrayList<>();
        List<String> all = new ArrayList<>();
        int rc = run(cmd, line -> {
            all.add(line);
            if (line.startsWith("mpkernel.")) {
                names.add(line.trim());
            }
        });
        if (rc != 0) {
            throw new IllegalStateException("JMH could not list the benchmarks (exit " + rc + "): " + String.join(" / ", all));
        }
        return names;
    }

    /**
     * Runs {@code plan}, JSON to {@code json}; JMH's whole output goes to {@code log}, and one
     * line per finished benchmark and parameter combination to {@code progress}. Returns JMH's
     * exit status.
     */
    static int run(JmhPlan plan, Path json, Path log, PrintStream progress) {
        List<String> cmd = command();
        cmd.addAll(plan.jmhArgs(json));
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            Condenser c = new Condenser(progress);
            return run(cmd, line -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                c.accept(line);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JMH log " + log, e);
        }
    }

    /** {@code java ... org.openjdk.jmh.Main} on the kernel's jars. */
    private static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:-CreateCoredumpOnCrash",
                "-cp", classPath(Launch.modulePath()), "org.openjdk.jmh.Main"));
        return cmd;
    }

    /**
     * {@code modulePath} as a class path: a folder of jars (how {@code ./mpk} passes
     * {@code target/lib}) becomes its jars; an exploded module (a build's {@code classes}
     * folder, as in tests) and a jar stay as they are.
     */
    static String classPath(String modulePath) {
        List<String> entries = new ArrayList<>();
        for (String e : modulePath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p) && !Files.exists(p.resolve("module-info.class"))) {
                try (var jars = Files.list(p)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
                } catch (IOException x) {
                    throw new UncheckedIOException("cannot list " + p, x);
                }
            } else if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static int run(List<String> cmd, java.util.function.Consumer<String> lines) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start JMH", e);
        }
        // Ctrl-C reaches the child by itself; a parent killed otherwise must not leave JMH running.
        Thread reaper = new Thread(p::destroy);
        Runtime.getRuntime().addShutdownHook(reaper);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.accept(line);
            }
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("lost JMH's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** Turns JMH's chatter into one line per result: {@code [ 40%] GateBench.roundTrip (backend = none): 0.45 ± 0.01 ns/op}. */
    static final class Condenser implements java.util.function.Consumer<String> {
        private final PrintStream out;
        private String percent = "  0";
        private String parameters = "";
        private String pending;

        Condenser(PrintStream out) {
            this.out = out;
        }

        @Override
        public void accept(String line) {
            Matcher m;
            if ((m = PROGRESS.matcher(line)).matches()) {
                percent = String.format(java.util.Locale.ROOT, "%3.0f", Double.parseDouble(m.group(1)));
            } else if (line.startsWith("# Parameters: ")) {
                parameters = " " + line.substring("# Parameters: ".length());
            } else if (line.startsWith("# Benchmark: ")) {
                parameters = "";
            } else if ((m = RESULT.matcher(line)).matches()) {
                pending = m.group(1);
            } else if (pending != null && !line.isBlank()) {
                out.printf("[%s%%] %s%s: %s%n", percent, pending, parameters,
                        line.trim().replace("±(99.9%) ", "± ").replace(" [Average]", ""));
                pending = null;
            } else if (line.startsWith("<failure>")) {
                out.println("JMH: a benchmark failed (details in the JMH log)");
            }
        }
    }
}
