package mpkernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Test;

/** Maven from a plain shell: ./mvnw finds JDK 25; plain mvn on an older JDK says in one line what to do. */
class BuildToolsTest {

    private static final Path ROOT = PkuGuest.projectRoot();

    @Test
    void theWrapperFindsJdk25WhateverJavaHomeSays() throws Exception {
        Optional<Path> old = olderJdk();
        String[] out = new String[1];
        int rc = run(List.of("./mvnw", "-o", "-q", "validate"), old.map(p -> Map.of("JAVA_HOME", p.toString())).orElse(Map.of()), out);
        assertEquals(0, rc, out[0]);
    }

    @Test
    void plainMavenOnAnOlderJdkStopsWithOneClearLine() throws Exception {
        Optional<Path> old = olderJdk();
        assumeTrue(old.isPresent(), "no JDK older than 25 in /usr/lib/jvm to try");
        String[] out = new String[1];
        int rc = run(List.of("mvn", "-o", "-q", "-B", "validate"), Map.of("JAVA_HOME", old.get().toString()), out);
        assertNotEquals(0, rc);
        assertTrue(out[0].lines().anyMatch(l -> l.contains("mpkernel needs JDK 25 to build") && l.contains("./mvnw")), out[0]);
        assertTrue(!out[0].contains("Unrecognized option"), "Maven itself must start on the old JDK: " + out[0]);
    }

    @Test
    void everyCommandTellsItsVersion() {
        for (String cmd : List.of("run", "bench", "faults", "sweep")) {
            CliHarness.Outcome o = CliHarness.mpk(cmd, "-V");
            assertEquals(0, o.status());
            assertTrue(o.out().startsWith("mpkernel 0.1.0, commit "), cmd + ": " + o.out());
        }
    }

    /** A JDK below 25 on this machine, if any. */
    private static Optional<Path> olderJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> !Files.isSymbolicLink(d) && Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> major(d) > 0 && major(d) < 25).findFirst();
        }
    }

    private static int major(Path jdk) {
        try {
            for (String l : Files.readAllLines(jdk.resolve("release"))) {
                if (l.startsWith("JAVA_VERSION=\"")) {
                    String v = l.substring("JAVA_VERSION=\"".length());
                    return Integer.parseInt(v.split("[.\"]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static int run(List<String> cmd, Map<String, String> env, String[] out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        out[0] = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return p.exitValue();
    }
}
