package mpkernel.isolation.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code @mpkernel.annotations.RunsIn} from class files, as data: no class is loaded, so
 * no code of the program that crashed runs in the process that reads its fate (annotation
 * reflection would load and, for enum-valued annotations, initialise classes).
 */
public final class RunsInReader {

    private static final String RUNS_IN = "Lmpkernel/annotations/RunsIn;";

    /** What one {@code @RunsIn} says. */
    public record RunsIn(String value, String otherwise) {
    }

    private final Map<String, ModuleReference> packages = new HashMap<>();
    /** Packages of modules whose code is {@code USER}'s whatever it claims. */
    private final java.util.Set<String> userPackages = new java.util.HashSet<>();
    private final ClassLoader classPath;
    private final Map<String, Optional<RunsIn>> cache = new ConcurrentHashMap<>();

    private RunsInReader(ClassLoader classPath) {
        this.classPath = classPath;
    }

    /** A reader of the modules on {@code modulePath} (entries separated by the path separator). */
    public static RunsInReader onModulePath(String modulePath) {
        RunsInReader r = new RunsInReader(null);
        Path[] entries = java.util.Arrays.stream(modulePath.split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).map(Path::of).toArray(Path[]::new);
        for (ModuleReference ref : ModuleFinder.of(entries).findAll()) {
            for (String p : ref.descriptor().packages()) {
                r.packages.putIfAbsent(p, ref);
            }
        }
        return r;
    }

    /** A reader of the class files {@code loader} finds as resources (tests on the class path). */
    public static RunsInReader onClassPath(ClassLoader loader) {
        return new RunsInReader(loader);
    }

    /**
     * This reader, with every class of module {@code module} attributed to {@code USER}: a
     * program module may annotate its own packages with any {@code @RunsIn} it likes, and a
     * crash in its code must not be blamed on a kernel domain for that.
     */
    public RunsInReader withUserModule(String module) {
        packages.forEach((p, ref) -> {
            if (ref.descriptor().name().equals(module)) {
                userPackages.add(p);
            }
        });
        cache.clear();
        return this;
    }

    /** What {@code @RunsIn} the class {@code binaryName}, an enclosing class of it, or its package carries. */
    public Optional<RunsIn> domainOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        if (dot > 0 && userPackages.contains(binaryName.substring(0, dot))) {
            return Optional.of(new RunsIn("USER", ""));
        }
        return cache.computeIfAbsent(binaryName, this::lookUp);
    }

    private Optional<RunsIn> lookUp(String binaryName) {
        for (String c = binaryName; ; c = c.substring(0, c.lastIndexOf('$'))) {
            Optional<RunsIn> r = read(c);
            if (r.isPresent() || c.indexOf('$') < 0) {
                if (r.isPresent()) {
                    return r;
                }
                break;
            }
        }
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : read(binaryName.substring(0, dot) + ".package-info");
    }

    private Optional<RunsIn> read(String binaryName) {
        byte[] bytes = classBytes(binaryName);
        if (bytes == null) {
            return Optional.empty();
        }
        ClassModel model;
        try {
            model = ClassFile.of().parse(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return model.findAttribute(Attributes.runtimeVisibleAnnotations()).flatMap(a -> a.annotations().stream()
                .filter(an -> an.className().stringValue().equals(RUNS_IN)).findFirst().map(RunsInReader::of));
    }

    private static RunsIn of(Annotation a) {
        String value = "";
        String otherwise = "";
        for (AnnotationElement e : a.elements()) {
            if (e.value() instanceof AnnotationValue.OfString s) {
                if (e.name().stringValue().equals("value")) {
                    value = s.stringValue();
                } else if (e.name().stringValue().equals("otherwise")) {
                    otherwise = s.stringValue();
                }
            }
        }
        return new RunsIn(value, otherwise);
    }

    private byte[] classBytes(String binaryName) {
        String resource = binaryName.replace('.', '/') + ".class";
        try {
            if (classPath != null) {
                try (InputStream in = classPath.getResourceAsStream(resource)) {
                    return in == null ? null : in.readAllBytes();
                }
            }
            int dot = binaryName.lastIndexOf('.');
            ModuleReference ref = dot < 0 ? null : packages.get(binaryName.substring(0, dot));
            if (ref == null) {
                return null;
            }
            try (ModuleReader reader = ref.open()) {
                Optional<InputStream> in = reader.open(resource);
                if (in.isEmpty()) {
                    return null;
                }
                try (InputStream s = in.get()) {
                    return s.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
