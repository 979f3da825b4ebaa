package mpkernel.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import mpkernel.isolation.fault.PkuGuest;

/**
 * What a bundle ({@code ./mpk bundle}) says of itself in {@code bundle.properties} at its
 * root: a bundle has no git history, so the commit its jars were built from is written down
 * when it is made, for the provenance of every result it produces.
 *
 * @param commit the project's commit (with {@code -dirty} if the tree had changes)
 * @param built when the bundle was made, UTC, ISO-8601
 * @param jdk the JDK its runtime was linked from
 * @param modules the JDK modules in its runtime, comma-separated
 */
record BundleInfo(String commit, String built, String jdk, String modules) {

    /** The file, at the root of an unpacked bundle. */
    static final String FILE = "bundle.properties";

    /** The bundle this process runs from, if it runs from one. */
    static Optional<BundleInfo> here() {
        Path file = PkuGuest.projectRoot().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new BundleInfo(p.getProperty("commit", "unknown"), p.getProperty("built", "unknown"),
                p.getProperty("jdk", "unknown"), p.getProperty("modules", "")));
    }

    /** Writes this to {@code root}/{@value #FILE}. */
    void writeTo(Path root) throws IOException {
        Properties p = new Properties();
        p.setProperty("commit", commit);
        p.setProperty("built", built);
        p.setProperty("jdk", jdk);
        p.setProperty("modules", modules);
        try (Writer w = Files.newBufferedWriter(root.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(w, "mpkernel bundle: made by ./mpk bundle");
        }
    }
}
