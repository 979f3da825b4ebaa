package mpkernel.experiments.launch;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The module graph of a JVM started with {@code --limit-modules=L} and root modules R, worked
 * out the way the JVM works it out: the observable modules are those L requires (transitively,
 * without binding services) plus R, and R is resolved among them with services bound. It gives
 * the JDK modules a bundle's runtime must hold, and the jars a kernel process needs on its
 * module path ({@link #kernelModulePath}).
 */
public final class LimitedModules {

    private LimitedModules() {
    }

    /** The modules a JVM with {@code --limit-modules=limit} and roots {@code roots} resolves from {@code all}. */
    public static Set<ResolvedModule> resolve(ModuleFinder all, Set<String> limit, Set<String> roots) {
        Set<String> visible = Configuration.empty().resolve(all, ModuleFinder.of(), limit).modules().stream()
                .map(ResolvedModule::name).collect(Collectors.toCollection(java.util.HashSet::new));
        visible.addAll(roots);
        ModuleFinder limited = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return visible.contains(name) ? all.find(name) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return all.findAll().stream().filter(r -> visible.contains(r.descriptor().name())).collect(Collectors.toSet());
            }
        };
        return Configuration.empty().resolveAndBind(limited, ModuleFinder.of(), roots).modules();
    }

    private static final Map<String, String> KERNEL_PATHS = new ConcurrentHashMap<>();

    /**
     * The entries of {@code modulePath} that a kernel process running a program of
     * {@code programModule} resolves, in their order there: the kernel's modules and the
     * program's. Nothing else is needed, since the child runs with
     * {@code --limit-modules=mpkernel.kernel,P} ({@link KernelJvm}) and sees no other module; a
     * shorter path spares the child opening the rest, which inside the PKU guest, where every
     * file is read over 9p under emulation, costs about a second per trial.
     */
    static String kernelModulePath(String modulePath, String programModule) {
        return KERNEL_PATHS.computeIfAbsent(modulePath + File.pathSeparator + programModule, k -> {
            Path[] entries = java.util.Arrays.stream(modulePath.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of)
                    .toArray(Path[]::new);
            ModuleFinder project = ModuleFinder.of(entries);
            Set<String> roots = Set.of("mpkernel.kernel", programModule);
            Set<Path> used = new LinkedHashSet<>();
            for (ResolvedModule m : resolve(ModuleFinder.compose(ModuleFinder.ofSystem(), project), roots, roots)) {
                if (project.find(m.name()).isPresent() && ModuleFinder.ofSystem().find(m.name()).isEmpty()) {
                    m.reference().location().ifPresent(uri -> used.add(Path.of(uri)));
                }
            }
            return used.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        });
    }
}
