package mpkernel.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import mpkernel.results.BadResultFile;
import mpkernel.results.Provenance;

/**
 * The results folder as the figures may see it. By default only its top level, and there only
 * files that are not marked as smoke runs: a smoke run ({@code --quick}) is a check that the
 * pipeline works, and its numbers must not reach a figure (or the README) by accident. The
 * experiments write smoke runs into {@code quick/} below the folder; with
 * {@link Figures.Options#includeQuick()} that folder and quick-marked files count too, and
 * every caption drawn from one says so. Folders kept apart for another reason
 * ({@link #NATIVE_PKU}) are read only by a figure that asks for them.
 *
 * @param path the folder
 * @param options what the user asked for
 */
record ResultsFolder(Path path, Figures.Options options) {

    /** The folder below {@link #path} that smoke runs go to (the experiments' {@code ResultsDir}). */
    static final String QUICK = "quick";

    /**
     * The folder below {@link #path} that holds runs copied back from a borrowed machine with
     * real PKU. They are kept apart because they come from another machine and commit than the
     * rest, so only a figure that compares places reads them, by asking for it ({@link #listIn}).
     */
    static final String NATIVE_PKU = "native-pku";

    /** The folder's name as messages print it, e.g. {@code results}. */
    String name() {
        Path n = path.toAbsolutePath().normalize().getFileName();
        return n == null ? path.toString() : n.toString();
    }

    /**
     * The entries whose name {@code wanted} accepts, sorted by path: of the top level, then of
     * {@code quick/} when smoke runs are included. Folders are listed too, so that a folder
     * named like a result file is reported, not passed over.
     */
    List<Path> list(Predicate<String> wanted) throws BadResultFile {
        List<Path> found = new ArrayList<>(listOne(path, wanted));
        Path quick = path.resolve(QUICK);
        if (options.includeQuick() && Files.isDirectory(quick)) {
            found.addAll(listOne(quick, wanted));
        }
        return found;
    }

    /**
     * The entries of the folder {@code folder} below this one whose name {@code wanted} accepts,
     * sorted by path; none when there is no such folder. For a figure that reads a folder kept
     * apart, such as {@link #NATIVE_PKU}, on purpose.
     */
    List<Path> listIn(String folder, Predicate<String> wanted) throws BadResultFile {
        Path dir = path.resolve(folder);
        return Files.isDirectory(dir) ? listOne(dir, wanted) : List.of();
    }

    private static List<Path> listOne(Path dir, Predicate<String> wanted) throws BadResultFile {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> wanted.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new BadResultFile(dir, "the folder cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * What a reader knows of {@code file} (in this folder or one below it): shown by its path
     * relative to this folder, e.g. {@code quick/sweep-20261127-100000.json}; a smoke run when it
     * lies in {@code quick/} or when {@code marked} (its own settings or command say {@code --quick}).
     */
    ResultFile origin(Path file, Provenance provenance, boolean marked) {
        Path relative = path.relativize(file);
        boolean inQuick = relative.getNameCount() > 1 && relative.getName(0).toString().equals(QUICK);
        String shown = String.join("/", StreamSupport.stream(relative.spliterator(), false).map(Path::toString).toList());
        return new ResultFile(file, shown, provenance, inQuick || marked);
    }

    /** Whether a run may be drawn: always when smoke runs are included, else only when it is none. */
    boolean admits(ResultFile origin) {
        return options.includeQuick() || !origin.smoke();
    }
}
