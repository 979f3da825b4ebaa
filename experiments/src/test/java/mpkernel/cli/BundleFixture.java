package mpkernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mpkernel.isolation.fault.PkuGuest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bundle made by {@code ./mpk bundle} from the jars on the module path, unpacked under the
 * project's {@code target/bundle-it/} (the PKU guest sees only the project folder, not the host's
 * temporary one), and run with no JDK in reach. One bundle serves every test of a run, and a
 * run in the guest reuses the one the host made, as long as its jars are the module path's.
 */
final class BundleFixture {

    /** Executables a JDK puts on a PATH: none may be in reach of a bundle. */
    private static final Set<String> JDK_TOOLS = Set.of("java", "javac", "jar", "jlink", "jshell", "jcmd", "jps", "javap",
            "jdb", "keytool", "jdeps", "jpackage", "jmod");

    private static Path unpacked;

    private BundleFixture() {
    }

    private static Path home() {
        return PkuGuest.projectRoot().resolve("target/bundle-it");
    }

    /** The unpacked bundle: reused when its jars are the module path's, else made and unpacked anew. */
    static synchronized Path unpacked() throws Exception {
        if (unpacked != null) {
            return unpacked;
        }
        List<Path> jars = BundleCommand.jars(Launch.modulePath());
        Path fresh = existing().filter(b -> sameJars(b.resolve("lib"), jars)).orElse(null);
        if (fresh == null) {
            BundleCommand.deleteTree(home());
            CliHarness.Outcome made = CliHarness.mpk("bundle", "--out", home().toString());
            assertEquals(0, made.status(), made.out() + made.err());
            Path archive = Path.of(made.out().lines().filter(l -> l.startsWith("bundle: ")).findFirst().orElseThrow()
                    .substring("bundle: ".length()).replaceFirst(" \\(.*", ""));
            assertTrue(Files.size(archive) <= BundleCommand.LIMIT_MB * 1_000_000L, "bundle of " + Files.size(archive) + " bytes");
            Process tar = new ProcessBuilder("tar", "-C", home().toString(), "-xzf", archive.toString()).inheritIO().start();
            assertEquals(0, tar.waitFor());
            fresh = existing().orElseThrow();
        }
        unpacked = fresh;
        return fresh;
    }

    /** The archive the last {@link #unpacked()} made or found. */
    static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(home())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
    }

    private static java.util.Optional<Path> existing() throws IOException {
        if (!Files.isDirectory(home())) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(home())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(BundleInfo.FILE))).findFirst();
        }
    }

    private static boolean sameJars(Path lib, List<Path> jars) {
        try {
            for (Path jar : jars) {
                Path copy = lib.resolve(jar.getFileName());
                if (!Files.exists(copy) || Files.mismatch(jar, copy) != -1) {
                    return false;
                }
            }
            try (Stream<Path> files = Files.list(lib)) {
                return files.count() == jars.size();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs the bundle's {@code ./mpk ARGS} in its folder, with {@code JAVA_HOME} unset and a
     * PATH that holds this machine's tools but no JDK's.
     */
    static CliHarness.Outcome mpk(Path bundle, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bundle.resolve("mpk").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(bundle.toFile());
        Map<String, String> env = pb.environment();
        for (String v : List.of("JAVA_HOME", "JDK_HOME", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "MPK_ROOT", "MAVEN_OPTS")) {
            env.remove(v);
        }
        env.put("PATH", toolsWithoutJava().toString());
        Path err = Files.createTempFile(home(), "stderr", ".txt");
        Process p = pb.redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "bundle's ./mpk " + String.join(" ", args) + " did not finish");
        String stderr = Files.readString(err);
        Files.delete(err);
        return new CliHarness.Outcome(p.exitValue(), out, stderr);
    }

    /**
     * A folder of links to every executable on the usual PATH except a JDK's: the shell and
     * the tools the launcher script uses stay in reach, {@code java} does not.
     */
    private static synchronized Path toolsWithoutJava() throws IOException {
        Path bin = home().resolve("path-without-java");
        if (Files.isDirectory(bin)) {
            return bin;
        }
        Files.createDirectories(bin);
        Set<String> seen = new HashSet<>();
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        for (String dir : List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (Stream<Path> tools = Files.list(Path.of(dir))) {
                for (Path t : tools.toList()) {
                    String name = t.getFileName().toString();
                    if (!Files.isExecutable(t) || Files.isDirectory(t) || !seen.add(name) || JDK_TOOLS.contains(name)) {
                        continue;
                    }
                    Path real;
                    try {
                        real = t.toRealPath();
                    } catch (IOException dangling) {
                        continue;
                    }
                    if (!real.startsWith("/usr/lib/jvm") && !real.startsWith(javaHome)) {
                        Files.createSymbolicLink(bin.resolve(name), real);
                    }
                }
            }
        }
        assertFalse(Files.exists(bin.resolve("java")), "java must be out of reach");
        return bin;
    }
}
