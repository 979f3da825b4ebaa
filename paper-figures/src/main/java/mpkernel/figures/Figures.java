package mpkernel.figures;

import java.awt.AWTError;
import java.awt.HeadlessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import mpkernel.results.BadResultFile;

/**
 * Regenerates every figure of the paper from the files in a results folder alone, without
 * running anything: for each figure {@code <name>.png} (for the README), {@code <name>.svg} and
 * {@code <name>.pdf} (for papers) and {@code <name>.caption.md} (what it shows and the
 * provenance of its numbers). A figure whose results are missing is skipped with one line
 * naming the command that produces them.
 *
 * <p>The figures: the macrobenchmarks (one per isolated backend), {@code write_bytes} over sizes
 * (one per isolated backend), the gate cost per backend, the fault campaign's outcomes and its
 * pace (trials per minute per backend and place, also from {@code results/native-pku/}), the
 * gate crossings per second of each benchmark, the slowdown against the crossing rate
 * ({@code ./mpk sweep}), and the key cache of the virtual domains: the switch cost against the
 * domains in use, and a hit and a miss against region size, and from {@code ./mpk netbench} the TCP stream
 * throughput against message size and the requests per second of each load test. Rendering needs no display; run the JVM with
 * {@code -Djava.awt.headless=true} on a machine without one.
 *
 * <p>Only measurements are drawn unless asked otherwise ({@link Options}): smoke runs are left
 * out, and each panel shows one run or campaign. A result file that cannot be read stops
 * everything before any figure is written, with one line naming it
 * ({@link CannotDrawException}).
 */
public final class Figures {

    /**
     * What the user asks for.
     *
     * @param includeQuick also draw smoke runs: files in {@code quick/} below the results folder
     *     and files marked {@code --quick}; their figures say "smoke run, not a measurement"
     * @param pool add up the fault campaigns of a backend that differ in seed, commit or machine,
     *     instead of drawing its newest campaign only
     */
    public record Options(boolean includeQuick, boolean pool) {

        /** Measurements only, one campaign per backend. */
        public static final Options DEFAULT = new Options(false, false);
    }

    /**
     * One figure written.
     *
     * @param name its name, e.g. {@code macrobenchmarks-mprotect}
     * @param files the PNG, SVG, PDF and caption files, in that order
     * @param sources the result files it was drawn from
     */
    public record Rendered(String name, List<Path> files, List<Path> sources) {
        public Rendered {
            files = List.copyOf(files);
            sources = List.copyOf(sources);
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

    /**
     * The figures cannot be drawn: a result file is not in its format, or this JVM cannot draw
     * (AWT or its fonts are missing). The message is one line saying which file and why, or
     * what to install.
     */
    public static final class CannotDrawException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotDrawException(Throwable cause) {
            super("this JVM cannot draw (" + cause + "); install fontconfig and a font, e.g. apt-get install fontconfig fonts-dejavu-core",
                    cause);
        }

        CannotDrawException(BadResultFile cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final List<Figure> ALL = List.of(new MacroFigure(), new WriteBytesFigure(), new GateCostFigure(),
            new FaultFigure(), new FaultThroughputFigure(), new CrossingsFigure(), new SweepFigure(), new KeyCacheFigure(), new KeyCacheMissFigure(),
            new NetbenchThroughputFigure(), new NetbenchRequestsFigure());

    private Figures() {
    }

    /** {@link #render(Path, Path, Options)} with {@link Options#DEFAULT}. */
    public static Result render(Path results, Path out) throws IOException {
        return render(results, out, Options.DEFAULT);
    }

    /**
     * Draws every figure that the files in {@code results} allow into {@code out} (created if
     * needed), replacing earlier versions. Every result file is read before anything is written.
     *
     * @throws IllegalArgumentException when {@code results} is not a folder
     * @throws IOException when a figure cannot be written
     * @throws CannotDrawException when a result file cannot be read, or this JVM cannot draw
     */
    public static Result render(Path results, Path out, Options options) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException("no results folder " + results);
        }
        ResultsFolder folder = new ResultsFolder(results, options);
        List<Drawing> drawings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Figure figure : ALL) {
            try {
                drawings.addAll(figure.draw(folder));
            } catch (MissingResults e) {
                skipped.add(e.getMessage());
            } catch (BadResultFile e) {
                throw new CannotDrawException(e);
            } catch (AWTError | UnsatisfiedLinkError | HeadlessException e) {
                throw new CannotDrawException(e);
            }
        }
        Files.createDirectories(out);
        List<Rendered> rendered = new ArrayList<>();
        for (Drawing d : drawings) {
            try {
                rendered.add(write(d, out));
            } catch (AWTError | UnsatisfiedLinkError | HeadlessException e) {
                throw new CannotDrawException(e);
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
        return new Rendered(d.name(), List.of(png, svg, pdf, caption),
                d.caption().sources().stream().map(src -> src.origin().file()).distinct().collect(Collectors.toList()));
    }
}
