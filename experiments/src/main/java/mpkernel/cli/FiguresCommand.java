package mpkernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import mpkernel.figures.Figures;
import mpkernel.isolation.fault.PkuGuest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mpk figures}: the paper's figures from the result files alone, nothing re-run. Prints
 * one line per figure written and one per figure skipped, naming the command that produces the
 * missing results. Exit status 0 when at least one figure was written, 1 when none could be, 2
 * (one line) when a result file cannot be read.
 *
 * <p>Smoke runs ({@code --quick}, written to {@code results/quick/}) are not drawn unless
 * {@code --include-quick} asks for them, and each fault campaign is drawn on its own unless
 * {@code --pool} asks to add up a backend's campaigns.
 */
@Command(name = "figures", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Regenerate the paper's figures from the files in results/ alone (nothing is re-run):",
                "PNG (for the README), SVG and PDF (for papers) and a caption with the provenance, per figure.",
                "Smoke runs (--quick, in results/quick/) are left out unless --include-quick."})
final class FiguresCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", description = "where the result files are (default: results/ of the project)")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "where the figures go (default: paper-figures/ of the project)")
    Path out;

    @Option(names = "--include-quick", description = "also draw smoke runs (results/quick/ and files marked --quick); their captions say so")
    boolean includeQuick;

    @Option(names = "--pool", description = "add up a backend's fault campaigns of different seeds, commits or machines"
            + " (default: its newest campaign only)")
    boolean pool;

    @Override
    public Integer call() throws IOException {
        Path in = results != null ? results : PkuGuest.projectRoot().resolve("results");
        Path to = out != null ? out : PkuGuest.projectRoot().resolve("paper-figures");
        if (!Files.isDirectory(in)) {
            throw new UserError("figures: no results folder " + in
                    + (results == null ? " (./mpk reproduce, ./mpk bench and ./mpk faults write there)" : ""));
        }
        if (Files.exists(to) && !Files.isDirectory(to)) {
            throw new UserError("figures: --out " + to + " is a file, not a folder");
        }
        // Drawing needs no display; say so before AWT starts, whatever the launcher did.
        System.setProperty("java.awt.headless", "true");
        Figures.Result result;
        try {
            result = Figures.render(in, to, new Figures.Options(includeQuick, pool));
        } catch (Figures.CannotDrawException e) {
            throw new UserError("figures: " + e.getMessage());
        }
        for (Figures.Rendered r : result.rendered()) {
            String png = shown(r.files().getFirst());
            System.out.println("figure: " + png.substring(0, png.length() - ".png".length()) + ".{png,svg,pdf,caption.md}");
        }
        for (String line : result.skipped()) {
            System.out.println("skipped: " + line);
        }
        return result.rendered().isEmpty() ? 1 : 0;
    }

    /** {@code file} relative to the working folder when it lies inside it. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
    }
}
