package mpkernel.experiments.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of every kernel process, in one place. The child sees only the kernel's
 * modules and the program's ({@code --limit-modules}): no JDK module a program module did not
 * pass {@code ProgramCatalog.problems} for, so no management, attach, {@code sun.misc.Unsafe}
 * or instrumentation API; HotSpot's attach listener and performance-data file are off; native
 * access goes to the isolation, the unsafe kernel, the TAP device's host end and, for the
 * demonstration attacks, their module.
 */
public final class KernelJvm {

    /** The module of the demonstration attacks, the one program module granted native access. */
    public static final String NATIVE_PROGRAM_MODULE = "mpkernel.attacks";

    private KernelJvm() {
    }

    /** Options for a kernel process running a program of {@code programModule}. */
    public static List<String> options(String programModule) {
        List<String> o = new ArrayList<>();
        o.add("--enable-native-access=mpkernel.isolation,mpkernel.unsafezone,mpkernel.tap"
                + (NATIVE_PROGRAM_MODULE.equals(programModule) ? "," + NATIVE_PROGRAM_MODULE : ""));
        o.add("--illegal-native-access=deny");
        o.add("--sun-misc-unsafe-memory-access=deny");
        o.add("--limit-modules=mpkernel.kernel," + programModule);
        o.add("--add-modules=" + programModule);
        o.add("-XX:+DisableAttachMechanism");
        o.add("-XX:-EnableDynamicAgentLoading");
        o.add("-XX:-UsePerfData");
        return o;
    }
}
