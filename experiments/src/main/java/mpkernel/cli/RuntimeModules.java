package mpkernel.cli;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import mpkernel.experiments.launch.LimitedModules;

/**
 * The JDK modules a bundle's runtime must hold ({@code ./mpk bundle}): every JDK module that a
 * JVM {@code ./mpk} starts resolves, worked out the way the JVM resolves them. The launcher
 * and its tool children run with {@code --limit-modules=mpkernel.experiments}; each kernel
 * process with {@code --limit-modules=mpkernel.kernel,P --add-modules=P} for its program
 * module P ({@code KernelJvm}); so each sees only the modules those names require, and
 * resolves its roots among them with services bound. JMH runs on the class path, where no
 * module graph says what it uses: {@link #CLASS_PATH} names that by hand.
 */
final class RuntimeModules {

    private RuntimeModules() {
    }

    /** The launcher's main module. */
    static final String LAUNCHER = "mpkernel.experiments";
    /** The kernel processes' main module. */
    static final String KERNEL = "mpkernel.kernel";
    /** The service every program module provides. */
    static final String PROGRAM_SERVICE = "mpkernel.kernel.api.UserProgram";

    /**
     * What JMH and its forked JVMs use of the JDK from the class path ({@code jdeps} of
     * jmh-core 1.37 and jopt-simple 5.0.4, without java.desktop, which the launcher needs anyway).
     */
    static final List<String> CLASS_PATH = List.of("java.logging", "java.management", "jdk.unsupported");

    /** The JDK modules for a runtime that runs the modules in {@code jars} as {@code ./mpk} does. */
    static SortedSet<String> of(List<Path> jars) {
        ModuleFinder project = ModuleFinder.of(jars.toArray(Path[]::new));
        ModuleFinder all = ModuleFinder.compose(ModuleFinder.ofSystem(), project);
        Set<String> resolved = new HashSet<>(resolve(all, Set.of(LAUNCHER), Set.of(LAUNCHER)));
        for (String program : programModules(project)) {
            resolved.addAll(resolve(all, Set.of(KERNEL, program), Set.of(KERNEL, program)));
        }
        resolved.addAll(CLASS_PATH);
        Set<String> jdk = ModuleFinder.ofSystem().findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        resolved.retainAll(jdk);
        return new TreeSet<>(resolved);
    }

    /** The modules among {@code project} that provide programs. */
    static SortedSet<String> programModules(ModuleFinder project) {
        return project.findAll().stream().map(ModuleReference::descriptor)
                .filter(d -> d.provides().stream().anyMatch(p -> p.service().equals(PROGRAM_SERVICE)))
                .map(ModuleDescriptor::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the modules a JVM with {@code --limit-modules=limit} and roots {@code roots} resolves. */
    static Set<String> resolve(ModuleFinder all, Set<String> limit, Set<String> roots) {
        return LimitedModules.resolve(all, limit, roots).stream().map(ResolvedModule::name).collect(Collectors.toCollection(HashSet::new));
    }
}
