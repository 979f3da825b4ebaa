package mpkernel.cli;

import java.util.List;

import mpkernel.isolation.fault.ChildJvm;

/** How the CLI starts its own helper JVMs (the launcher's module graph), and where the modules are. */
final class Launch {

    private Launch() {
    }

    /**
     * JVM options of a launcher JVM ({@code ./mpk}'s own, and the ones it starts inside the PKU
     * guest): native access for the isolation and the unsafe kernel only, and no module outside
     * the launcher's own graph, so no program module is resolved here, let alone run.
     */
    static List<String> launcherJvmOptions() {
        return LAUNCHER_OPTIONS;
    }

    /** {@code launcher.options} beside this class, the file ./mpk reads too: one option per line, # comments. */
    private static final List<String> LAUNCHER_OPTIONS = readOptions();

    private static List<String> readOptions() {
        try (java.io.InputStream in = Launch.class.getResourceAsStream("launcher.options")) {
            if (in == null) {
                throw new IllegalStateException("launcher.options is missing from the experiments module");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A child JVM running {@code mainClass} of the experiments module with the launcher's options. */
    static ChildJvm toolChild(String mainClass) {
        return ChildJvm.onModulePath(modulePath(), "mpkernel.experiments", mainClass).jvmArgs(launcherJvmOptions());
    }

    /** The module path kernel processes run on: {@code mpk.modulePath} if set (tests), else this JVM's own. */
    static String modulePath() {
        String modulePath = System.getProperty("mpk.modulePath", System.getProperty("jdk.module.path"));
        if (modulePath == null || modulePath.isBlank()) {
            throw new IllegalStateException("not started on a module path: use ./mpk");
        }
        return modulePath;
    }
}
