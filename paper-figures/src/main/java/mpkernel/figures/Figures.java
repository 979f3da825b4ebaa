package mpkernel.figures;

import java.awt.AWTError;
import java.awt.HeadlessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Regenerates every figure of the paper from the files in a results folder alone, without
 * running anything: for each figure {@code <name>.png} (for the README), {@code <name>.svg} and
 * {@code <name>.pdf} (for papers) and {@code <name>.caption.md} (what it shows and the
 * provenance of its numbers). A figure whose results are missing is skipped with one line
 * naming the command that produces them.
 *
 * <p>The figures: the macrobenchmarks (one per isolated backend), {@code write_bytes} over sizes
 * (one per isolated backend), the gate cost per backend, the fault campaign's outcomes, and the
 * gate crossings per second of each benchmark. Rendering needs no display; run the JVM with
 * {@code -Djava.awt.headless=true} on a machine without one.
 */
public final class Figures {

    /**
     * One figure written.
     *
     * @param name its name, e.g. {@code macrobenchmarks-mprotect}
     * @param files the PNG, SVG, PDF and caption files, in that order
     */
    public record Rendered(String name, List<Path> files) {
        public Rendered {
            files = List.copyOf(files);
        }
    }

    /**
     * What {@link #render} did.
     *
     * @param rendered the figures written, in the order above
     * @param skipped one line per figure that could not be drawn, e.g.
     *     {@code macrobenchmarks: no complete results/overhead-*.csv with a verified benchmark; run ./mpk reproduce}
     */
    public record Result(List<Rendered> rendered, List<String> skipped) {
        public Result {
            rendered = List.copyOf(rendered);
            skipped = List.copyOf(skipped);
        }
    }

    /** This JVM cannot draw: AWT or its fonts are missing. The message says what to install. */
    public static final class CannotDrawException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotDrawException(Throwable cause) {
            super("this JVM cannot draw (" + cause + "); install fontconfig and a font, e.g. apt-get install fontconfig fonts-dejavu-core",
                    cause);
        }
    }

    private static final List<Figure> ALL = List.of(new MacroFigure(), new WriteBytesFigure(), new GateCostFigure(),
            new FaultFigure(), new CrossingsFigure());

    private Figures() {
    }

    /**
     * Draws every figure that the files in {@code results} allow into {@code out} (created if
     * needed), replacing earlier versions.
     *
     * @throws IllegalArgumentException when {@code results} is not a folder
     * @throws IOException when a figure cannot be written
     * @throws CannotDrawException when this JVM cannot draw (no fonts, no AWT libraries)
     */
    public static Result render(Path results, Path out) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException("no results folder " + results);
        }
        Files.createDirectories(out);
        List<Rendered> rendered = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Figure figure : ALL) {
            List<Drawing> drawings;
            try {
                drawings = figure.draw(results);
            } catch (MissingResults e) {
                skipped.add(e.getMessage());
                continue;
            } catch (IOException e) {
                skipped.add(figure.subject() + ": cannot read " + e.getMessage() + "; run " + figure.command() + " again");
                continue;
            }
            for (Drawing d : drawings) {
                try {
                    rendered.add(write(d, out));
                } catch (AWTError | UnsatisfiedLinkError | HeadlessException e) {
                    throw new CannotDrawException(e);
                }
            }
        }
        return new Result(rendered, skipped);
    }

    private static Rendered write(Drawing d, Path out) throws IOException {
        Path png = out.resolve(d.name() + ".png");
        Path svg = out.resolve(d.name() + ".svg");
        Path pdf = out.resolve(d.name() + ".pdf");
        Path caption = out.resolve(d.name() + ".caption.md");
        Encoders.png(d.canvas(), png);
        Encoders.svg(d.canvas(), svg);
        Encoders.pdf(d.canvas(), pdf);
        d.caption().write(caption);
        return new Rendered(d.name(), List.of(png, svg, pdf, caption));
    }
}
