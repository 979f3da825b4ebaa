package mpkernel.cli;

import java.util.List;

import mpkernel.isolation.fault.ChildJvm;

/** How the CLI starts kernel JVMs: the same module path, native access for the unsafe modules only. */
final class Launch {

    private Launch() {
    }

    /** JVM options of every kernel process. */
    static List<String> kernelJvmOptions() {
        return List.of("--enable-native-access=mpkernel.isolation,mpkernel.unsafezone,mpkernel.attacks",
                "--illegal-native-access=deny", "--add-modules=ALL-MODULE-PATH");
    }

    /**
     * A child JVM running {@code mainClass} of the experiments module on the module path:
     * {@code mpk.modulePath} if set (tests), else this JVM's own.
     */
    static ChildJvm kernelChild(String mainClass) {
        return ChildJvm.onModulePath(modulePath(), "mpkernel.experiments", mainClass);
    }

    /** The module path kernel processes run on. */
    static String modulePath() {
        String modulePath = System.getProperty("mpk.modulePath", System.getProperty("jdk.module.path"));
        if (modulePath == null || modulePath.isBlank()) {
            throw new IllegalStateException("not started on a module path: use ./mpk");
        }
        return modulePath;
    }
}
