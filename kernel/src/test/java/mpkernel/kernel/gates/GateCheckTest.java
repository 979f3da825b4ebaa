package mpkernel.kernel.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.attribute.ModuleAttribute;
import java.lang.classfile.attribute.ModuleRequireInfo;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A missed gate cannot ship: every use of another domain's code in the kernel's bytecode sits
 * inside a body handed to a gate ({@link GateCheck}). The other domains are found from the
 * kernel's own module descriptor, so a domain module added later is checked without touching
 * this test. The host's end of the devices (the TAP module) is no domain the kernel crosses
 * into: only the device package, which runs it outside every gate, may use it at all.
 */
class GateCheckTest {

    /** Modules the kernel reads that are not another domain's code. */
    private static final Set<String> NOT_A_DOMAIN = Set.of("java.base", "mpkernel.isolation", "mpkernel.annotations");

    /**
     * The host's side of the devices, a module of its own only because it needs native access:
     * code the kernel's device package ({@link #DEVICE_PACKAGE}, the same {@code DEVICE} code)
     * runs on its backend threads outside every gate, and nothing else in the kernel may use
     * at all, gated or not.
     */
    private static final Set<String> HOST_SIDE = Set.of("mpkernel.tap");
    private static final String DEVICE_PACKAGE = "mpkernel/kernel/host/";

    @Test
    void theKernelUsesOtherDomainsOnlyThroughGates() throws IOException {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isRegularFile(classes.resolve("module-info.class")), "run from the kernel module's folder after compiling");
        Set<String> domains = packagesOf(classes, false);
        assertTrue(domains.contains("mpkernel/unsafezone") && domains.contains("mpkernel/unsafezone/virtio"), domains.toString());
        Set<String> host = packagesOf(classes, true);
        assertTrue(host.contains("mpkernel/tap"), host.toString());
        List<byte[]> kernel = new ArrayList<>();
        List<byte[]> notDevice = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                kernel.add(bytes);
                if (!classes.relativize(f).toString().replace('\\', '/').startsWith(DEVICE_PACKAGE)) {
                    notDevice.add(bytes);
                }
            }
        }
        assertTrue(kernel.size() > 30 && notDevice.size() < kernel.size(), "the kernel's classes were found");
        assertEquals(List.of(), new GateCheck(domains, Set.of("mpkernel/kernel/core/UnsafeCalls")).check(kernel));
        assertEquals(List.of(), new GateCheck(host, Set.of()).check(notDevice), "the host's side used outside the device package");
    }

    @Test
    void theCheckFindsEachKindOfMissedGate() {
        Set<String> all = Set.of("Missed", "Gated", "HelperInside", "HelperAlsoOutside", "NonPrivateHelper", "EscapingLambda",
                "MethodReferences", "Construct");
        GateCheck check = new GateCheck(Set.of("mpkernel/unsafezone"),
                all.stream().map(n -> "mpkernel/kernel/gates/GateCheckFixtures$" + n).collect(java.util.stream.Collectors.toSet()));
        assertEquals(1, check.check(fixture("Missed")).size());
        assertEquals(List.of(), check.check(fixture("Gated")));
        assertEquals(List.of(), check.check(fixture("HelperInside")));
        assertFalse(check.check(fixture("HelperAlsoOutside")).isEmpty(), "a helper also called outside the gate");
        assertFalse(check.check(fixture("NonPrivateHelper")).isEmpty(), "a helper other code could call");
        assertFalse(check.check(fixture("EscapingLambda")).isEmpty(), "a lambda handed out, not to a gate");
        List<GateCheck.Violation> refs = check.check(fixture("MethodReferences"));
        assertEquals(1, refs.size(), refs.toString());
        assertEquals("bad", refs.getFirst().in().name());
        List<GateCheck.Violation> ctor = check.check(fixture("Construct"));
        assertTrue(ctor.stream().allMatch(v -> v.in().name().equals("bad")) && !ctor.isEmpty(), ctor.toString());
        GateCheck noDoors = new GateCheck(Set.of("mpkernel/unsafezone"), Set.of());
        List<GateCheck.Violation> gatedElsewhere = noDoors.check(fixture("Gated"));
        assertEquals(1, gatedElsewhere.size(), "a gate body outside the door classes: " + gatedElsewhere);
        assertTrue(gatedElsewhere.getFirst().what().contains("outside the door classes"), gatedElsewhere.toString());
    }

    /** The fixture class {@code name} and every class nested in it (its lambdas live in the class itself). */
    private static List<byte[]> fixture(String name) {
        String resource = "GateCheckFixtures$" + name + ".class";
        try (InputStream in = GateCheckTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            return List.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The packages of every module the kernel requires that is another domain's code, or, with
     * {@code hostSide}, of those that are the host's side ({@link #HOST_SIDE}).
     */
    private static Set<String> packagesOf(Path classes, boolean hostSide) throws IOException {
        ModuleAttribute module = ClassFile.of().parse(classes.resolve("module-info.class"))
                .findAttribute(Attributes.module()).orElseThrow();
        Set<String> names = new HashSet<>();
        for (ModuleRequireInfo r : module.requires()) {
            String n = r.requires().name().stringValue();
            if (!NOT_A_DOMAIN.contains(n) && !n.startsWith("java.") && !n.startsWith("jdk.") && HOST_SIDE.contains(n) == hostSide) {
                names.add(n);
            }
        }
        Set<String> packages = new HashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                continue;
            }
            for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                if (names.remove(ref.descriptor().name())) {
                    ref.descriptor().packages().forEach(pk -> packages.add(pk.replace('.', '/')));
                }
            }
        }
        assertEquals(Set.of(), names, "domain modules not found on the test class path");
        return packages;
    }
}
