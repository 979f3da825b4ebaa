package mpkernel.kernel.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * What a kernel process does before it confines itself, since a confined process opens no file:
 * it loads every class of every module on its module path, so that later class loading needs
 * no class file, and initialises those of the kernel's own modules, whose static initialisers
 * open native libraries (zlib) and map the gate stubs; program classes are loaded only, never
 * initialised (that would run program code). Then it walks once through the JDK code the kernel
 * runs after boot, so that no lazily opened file or library is missing then.
 */
final class Preload {

    private Preload() {
    }

    /** The modules whose classes boot initialises: the kernel's own. */
    private static final java.util.Set<String> TRUSTED = java.util.Set.of("mpkernel.kernel", "mpkernel.isolation",
            "mpkernel.unsafezone", "mpkernel.tap", "mpkernel.annotations");

    /** Loads every class of the modules this JVM resolved from its module path (the JDK's own come from its image). */
    static void modules() {
        for (ResolvedModule m : ModuleLayer.boot().configuration().modules()) {
            boolean image = m.reference().location().map(u -> u.getScheme().equals("jrt")).orElse(true);
            Module module = ModuleLayer.boot().findModule(m.name()).orElseThrow();
            if (image) {
                continue;
            }
            try (ModuleReader reader = m.reference().open()) {
                List<String> classes = reader.list().filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class")).toList();
                for (String file : classes) {
                    Class<?> c = Class.forName(module, file.substring(0, file.length() - 6).replace('/', '.'));
                    if (c != null && TRUSTED.contains(m.name()) && !c.getName().endsWith("package-info")) {
                        Class.forName(c.getName(), true, c.getClassLoader());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read module " + m.name(), e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("module " + m.name() + " lists a class it cannot load: " + e.getMessage(), e);
            }
        }
    }

    /** Runs the JDK paths the kernel uses after boot: formatting, hex, CRC-32, threads. */
    static void warmUp() {
        String s = String.format(Locale.ROOT, "%s %d %x 0x%08x %.3f %5.1f%%", "x", 1, 255, 4096, 1.5, 2.5)
                + String.format("%s %d", "y", 2) + HexFormat.of().formatHex(new byte[] {1});
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Thread t = Thread.ofPlatform().unstarted(() -> { });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        new StackOverflowError().getStackTrace();
    }
}
