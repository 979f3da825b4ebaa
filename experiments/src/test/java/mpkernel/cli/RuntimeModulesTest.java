package mpkernel.cli;

import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDK modules a bundle's runtime gets: what the launcher, the kernels and JMH resolve, and nothing a kernel must not see. */
class RuntimeModulesTest {

    private static final List<Path> MODULE_PATH = Arrays.stream(Launch.modulePath().split(java.io.File.pathSeparator)).map(Path::of).toList();

    @Test
    void theRuntimeHoldsWhatTheLauncherTheFiguresAndJmhUse() {
        // the module path of the tests is class folders; the resolution is the same as on jars
        SortedSet<String> modules = RuntimeModules.of(MODULE_PATH);
        assertTrue(modules.containsAll(Set.of("java.base", "java.desktop", "java.logging", "java.management", "jdk.unsupported")), modules.toString());
        for (String unneeded : List.of("jdk.jlink", "jdk.compiler", "java.net.http", "jdk.jshell", "jdk.attach", "jdk.httpserver")) {
            assertTrue(!modules.contains(unneeded), unneeded + " in " + modules);
        }
    }

    @Test
    void aKernelProcessResolvesOnlyTheKernelItsProgramAndJavaBaseOrLogging() {
        ModuleFinder all = ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(MODULE_PATH.toArray(Path[]::new)));
        assertEquals(Set.of("mpkernel.attacks", "mpkernel.userzone"), RuntimeModules.programModules(ModuleFinder.of(MODULE_PATH.toArray(Path[]::new))));
        Set<String> kernel = RuntimeModules.resolve(all, Set.of("mpkernel.kernel", "mpkernel.userzone"), Set.of("mpkernel.kernel", "mpkernel.userzone"));
        assertTrue(kernel.containsAll(Set.of("mpkernel.kernel", "mpkernel.userzone", "mpkernel.isolation", "mpkernel.unsafezone", "java.base")), kernel.toString());
        // the confinement the threat model states: no management, attach or sun.misc.Unsafe in a kernel process
        assertTrue(kernel.stream().noneMatch(m -> m.equals("java.management") || m.equals("jdk.attach") || m.equals("jdk.unsupported")), kernel.toString());
        assertTrue(kernel.stream().noneMatch(m -> m.equals("mpkernel.experiments") || m.equals("mpkernel.attacks")), kernel.toString());
    }
}
