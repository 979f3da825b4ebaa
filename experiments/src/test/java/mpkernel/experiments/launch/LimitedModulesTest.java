package mpkernel.experiments.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** A kernel process gets on its module path exactly the modules it can see: the kernel's and its program's. */
class LimitedModulesTest {

    private static final String MODULE_PATH = System.getProperty("mpk.modulePath", System.getProperty("jdk.module.path"));

    @Test
    void theKernelsModulePathHoldsTheKernelAndTheProgramOnly() {
        String path = LimitedModules.kernelModulePath(MODULE_PATH, "mpkernel.attacks");
        assertEquals(Set.of("mpkernel.kernel", "mpkernel.isolation", "mpkernel.unsafezone", "mpkernel.tap", "mpkernel.annotations",
                "mpkernel.attacks"), namesOn(path));
        assertEquals(Set.of("mpkernel.kernel", "mpkernel.isolation", "mpkernel.unsafezone", "mpkernel.tap", "mpkernel.annotations",
                "mpkernel.userzone"), namesOn(LimitedModules.kernelModulePath(MODULE_PATH, "mpkernel.userzone")));
    }

    @Test
    void theShortPathResolvesWhatTheFullOneDoesUnderTheLimit() {
        Set<String> roots = Set.of("mpkernel.kernel", "mpkernel.userzone");
        Set<String> full = names(LimitedModules.resolve(finder(MODULE_PATH), roots, roots));
        Set<String> shortened = names(LimitedModules.resolve(finder(LimitedModules.kernelModulePath(MODULE_PATH, "mpkernel.userzone")), roots, roots));
        assertEquals(full, shortened);
    }

    private static ModuleFinder finder(String path) {
        return ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(entries(path)));
    }

    private static Path[] entries(String path) {
        return Arrays.stream(path.split(File.pathSeparator)).map(Path::of).toArray(Path[]::new);
    }

    private static Set<String> namesOn(String path) {
        return ModuleFinder.of(entries(path)).findAll().stream().map(ModuleReference::descriptor).map(d -> d.name()).collect(Collectors.toSet());
    }

    private static Set<String> names(Set<java.lang.module.ResolvedModule> modules) {
        return modules.stream().map(java.lang.module.ResolvedModule::name).collect(Collectors.toSet());
    }
}
