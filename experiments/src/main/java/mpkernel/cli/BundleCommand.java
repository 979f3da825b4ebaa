package mpkernel.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import mpkernel.isolation.fault.PkuGuest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mpk bundle}: one {@code .tar.gz} that runs {@code ./mpk} on an x86-64 Linux with no
 * JDK and no Maven: a runtime linked by {@code jlink} from this JDK with only the modules
 * {@link RuntimeModules} finds, the jars {@code ./mpk} runs (the module path of this launcher),
 * the launcher script with its options, the PKU guest's scripts and
 * {@code docs/real-hardware.md}, and {@code bundle.properties} ({@link BundleInfo}), which
 * records the commit for the provenance of every result the bundle writes.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Make one .tar.gz that runs ./mpk doctor|run|reproduce|sweep|bench|faults|figures on an x86-64 Linux without a JDK or Maven.",
        footer = {"", "Unpack it anywhere and run ./mpk doctor inside. Exit status: 0 made, 1 failed or over "
                + BundleCommand.LIMIT_MB + " MB, 2 bad usage."})
final class BundleCommand implements Callable<Integer> {

    /** The most a bundle may weigh, in MB (10^6 bytes). */
    static final int LIMIT_MB = 60;

    /** The files of the source tree that go into every bundle, at the same relative paths. */
    static final List<String> FILES = List.of("mpk", "isolation/qemu/mpk-qemu", "isolation/qemu/guest-init.sh",
            "docs/real-hardware.md");

    /** The launcher's JVM options, read by the bundle's {@code ./mpk} (the source tree's copy lives among the resources). */
    static final String OPTIONS_FILE = "launcher.options";

    @Option(names = "--out", paramLabel = "DIR", description = "where the .tar.gz goes (default: target/ of the project)")
    Path out;

    @Override
    public Integer call() {
        try {
            return make();
        } catch (IllegalStateException | IOException | UncheckedIOException e) {
            System.err.println("mpk: bundle: " + e.getMessage());
            return 1;
        }
    }

    private int make() throws IOException {
        if (BundleInfo.here().isPresent()) {
            throw new UserError("bundle: this is a bundle already; make bundles in the source tree");
        }
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        if (!Files.isExecutable(jlink)) {
            throw new UserError("bundle: needs jlink, which the JDK at " + System.getProperty("java.home") + " lacks");
        }
        Path root = PkuGuest.projectRoot();
        List<Path> jars = jars(Launch.modulePath());
        Path dir = out != null ? out.toAbsolutePath() : root.resolve("target");
        String name = "mpkernel-" + Machine.gitCommit();
        Path staging = dir.resolve(name);
        Path archive = dir.resolve(name + ".tar.gz");
        deleteTree(staging);
        Files.createDirectories(staging.resolve("lib"));

        SortedSet<String> modules = RuntimeModules.of(jars);
        System.err.println("mpk: bundle: linking a runtime of " + modules.size() + " JDK modules: " + String.join(",", modules));
        // with the JDK's class-data-sharing archive: every kernel process and JMH fork starts as fast as on the JDK
        run(List.of(jlink.toString(), "--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--generate-cds-archive", "--output", staging.resolve("runtime").toString()));
        for (Path jar : jars) {
            Files.copy(jar, staging.resolve("lib").resolve(jar.getFileName()));
        }
        for (String f : FILES) {
            Path target = staging.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(root.resolve(f), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(staging.resolve(OPTIONS_FILE), "# The launcher JVM's options, as in the jars (mpkernel/cli/launcher.options)\n"
                + String.join("\n", Launch.launcherJvmOptions()) + "\n", StandardCharsets.UTF_8);
        new BundleInfo(Machine.gitCommit(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")", String.join(",", modules)).writeTo(staging);

        Files.deleteIfExists(archive);
        run(List.of("tar", "--owner=0", "--group=0", "--numeric-owner", "-C", dir.toString(), "-czf", archive.toString(), name));
        deleteTree(staging);
        long bytes = Files.size(archive);
        System.out.printf(Locale.ROOT, "bundle: %s (%.1f MB, runtime of %d JDK modules, %d jars)%n", archive, bytes / 1e6,
                modules.size(), jars.size());
        if (bytes > LIMIT_MB * 1_000_000L) {
            System.err.printf(Locale.ROOT, "mpk: bundle: %.1f MB is over the limit of %d MB%n", bytes / 1e6, LIMIT_MB);
            return 1;
        }
        System.out.println("unpack it anywhere (tar xzf " + archive.getFileName() + ") and run ./mpk doctor in " + name + "/");
        return 0;
    }

    /**
     * The jars on {@code modulePath}: a folder of jars (how {@code ./mpk} passes
     * {@code experiments/target/lib}) gives its jars; a build's class folder is refused, since a
     * bundle holds only jars.
     */
    static List<Path> jars(String modulePath) {
        List<Path> jars = new ArrayList<>();
        for (String entry : modulePath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                jars.add(p);
            } else if (Files.isDirectory(p) && !Files.exists(p.resolve("module-info.class"))) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else if (!entry.isBlank()) {
                throw new UserError("bundle: " + entry + " is not a jar or a folder of jars; build the jars first (./mpk build)");
            }
        }
        if (jars.isEmpty()) {
            throw new UserError("bundle: no jars on the module path " + modulePath + "; build them first (./mpk build)");
        }
        return jars;
    }

    /** Runs {@code command}; on failure, its output and a one-line reason. */
    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                System.err.print(output);
                throw new IllegalStateException(command.getFirst() + " failed with exit status " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + command.getFirst() + " ran", e);
        }
    }

    /** Deletes {@code dir} and everything below it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
