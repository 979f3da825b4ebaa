package mpkernel.kernel.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.UserProgram;

/**
 * The programs a module path (or class path) offers, learnt from module descriptors and class
 * files alone: which classes a module {@code provides} as {@link UserProgram}, and the
 * {@link Program @Program} each carries. No program class is loaded, initialised or
 * constructed here, so the launcher and the kernel learn names and descriptions without
 * running a line of user code.
 *
 * <p>It also judges program modules ({@link #problems}): a module that provides anything but
 * programs, or reads a module other than {@link #READABLE}, is refused.
 */
public final class ProgramCatalog {

    /** The modules a program module may read. */
    public static final Set<String> READABLE = Set.of("java.base", "java.logging", "mpkernel.kernel", "mpkernel.annotations");

    private static final String SERVICE = UserProgram.class.getName();
    private static final String PROGRAM_DESC = "L" + Program.class.getName().replace('.', '/') + ";";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /**
     * One program.
     *
     * @param name its name
     * @param description its one-line description
     * @param className its provider class
     * @param module the module providing it, or {@code null} on the class path
     */
    public record Entry(String name, String description, String className, String module) {
    }

    private final Map<String, Entry> programs = new TreeMap<>();
    private final Map<String, ModuleDescriptor> modules = new TreeMap<>();

    private ProgramCatalog() {
    }

    /** The programs of the modules on {@code modulePath} (entries separated by the path separator). */
    public static ProgramCatalog onModulePath(String modulePath) {
        Path[] entries = java.util.Arrays.stream(modulePath.split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).map(Path::of).toArray(Path[]::new);
        ProgramCatalog c = new ProgramCatalog();
        for (ModuleReference ref : ModuleFinder.of(entries).findAll()) {
            c.addModule(ref);
        }
        return c;
    }

    /** The programs of the modules this JVM resolved at start-up, or of its class path if it runs there. */
    public static ProgramCatalog ofThisJvm() {
        ProgramCatalog c = new ProgramCatalog();
        if (ProgramCatalog.class.getModule().isNamed()) {
            for (ResolvedModule m : ModuleLayer.boot().configuration().modules()) {
                c.addModule(m.reference());
            }
        } else {
            c.addClassPath(ProgramCatalog.class.getClassLoader());
        }
        return c;
    }

    /** Every program, by name. */
    public Map<String, Entry> programs() {
        return Collections.unmodifiableMap(programs);
    }

    /** The program named {@code name}. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(programs.get(name));
    }

    /**
     * Why {@code module} may not be loaded into a kernel, or an empty list: it must be an
     * explicit module, provide nothing but {@link UserProgram}s, and read only {@link #READABLE}.
     */
    public List<String> problems(String module) {
        ModuleDescriptor d = modules.get(module);
        List<String> problems = new ArrayList<>();
        if (d == null) {
            problems.add("no module " + module + " on the module path");
            return problems;
        }
        if (d.isAutomatic()) {
            problems.add(module + " is an automatic module: a program module needs a module-info");
        }
        for (ModuleDescriptor.Provides p : d.provides()) {
            if (!p.service().equals(SERVICE)) {
                problems.add(module + " provides " + p.service() + ": a program module may provide only " + SERVICE);
            }
        }
        for (ModuleDescriptor.Requires r : d.requires()) {
            if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) && !READABLE.contains(r.name())) {
                problems.add(module + " reads " + r.name() + ": a program module may read only " + new java.util.TreeSet<>(READABLE));
            }
        }
        return problems;
    }

    private void addModule(ModuleReference ref) {
        ModuleDescriptor d = ref.descriptor();
        for (ModuleDescriptor.Provides p : d.provides()) {
            if (!p.service().equals(SERVICE)) {
                continue;
            }
            modules.put(d.name(), d);
            try (ModuleReader reader = ref.open()) {
                for (String cls : p.providers()) {
                    Optional<InputStream> in = reader.open(cls.replace('.', '/') + ".class");
                    add(cls, d.name(), in.isEmpty() ? null : read(in.get()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read module " + d.name(), e);
            }
        }
    }

    private void addClassPath(ClassLoader loader) {
        try {
            Enumeration<URL> lists = loader.getResources("META-INF/services/" + SERVICE);
            while (lists.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String cls = line.replaceAll("#.*", "").trim();
                        if (!cls.isEmpty()) {
                            InputStream in = loader.getResourceAsStream(cls.replace('.', '/') + ".class");
                            add(cls, null, in == null ? null : read(in));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path's program list", e);
        }
    }

    private void add(String className, String module, byte[] classFile) {
        String where = className + (module == null ? "" : " in module " + module);
        if (classFile == null) {
            throw new IllegalStateException("program " + where + " has no class file");
        }
        Annotation program = ClassFile.of().parse(classFile).findAttribute(Attributes.runtimeVisibleAnnotations())
                .flatMap(a -> a.annotations().stream().filter(an -> an.className().stringValue().equals(PROGRAM_DESC)).findFirst())
                .orElseThrow(() -> new IllegalStateException("program " + where + " lacks @Program(name, description)"));
        String name = string(program, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("program " + where + " has an invalid name '" + name + "' (lower case, digits, dashes)");
        }
        Entry previous = programs.putIfAbsent(name, new Entry(name, string(program, "description"), className, module));
        if (previous != null) {
            throw new IllegalStateException("two programs are named '" + name + "': " + previous.className() + " and " + where);
        }
    }

    private static String string(Annotation a, String element) {
        for (AnnotationElement e : a.elements()) {
            if (e.name().stringValue().equals(element) && e.value() instanceof AnnotationValue.OfString s) {
                return s.stringValue();
            }
        }
        return "";
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
