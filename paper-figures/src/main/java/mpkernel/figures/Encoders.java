package mpkernel.figures;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.MutableCommandSequence;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import mpkernel.results.AtomicFile;

/**
 * Writes a {@link Canvas} as PNG (one pixel per unit, for the README), and as SVG and PDF (one
 * point per unit, for papers). Each file is written atomically ({@link AtomicFile}), so a failed
 * run never leaves half a figure.
 */
final class Encoders {

    private Encoders() {
    }

    /** The PNG of {@code canvas}: {@code width() x height()} pixels, white background. */
    static void png(Canvas canvas, Path file) throws IOException {
        BufferedImage image = new BufferedImage(canvas.width(), canvas.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            canvas.paint(g);
        } finally {
            g.dispose();
        }
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JDK");
            }
        });
    }

    /** Coordinates with more than two decimals, as VectorGraphics2D writes them. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");

    /** The SVG of {@code canvas}, coordinates rounded to 1/100 unit (which halves the file). */
    static void svg(Canvas canvas, Path file) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        document(canvas, new SVGProcessor()).writeTo(raw);
        String svg = LONG_DECIMAL.matcher(raw.toString(StandardCharsets.UTF_8))
                .replaceAll(m -> new BigDecimal(m.group()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        AtomicFile.writeString(file, svg);
    }

    /** The PDF of {@code canvas}, one page of its size, compressed. */
    static void pdf(Canvas canvas, Path file) throws IOException {
        vector(canvas, file, new PDFProcessor(true));
    }

    private static void vector(Canvas canvas, Path file, Processor processor) throws IOException {
        Document document = document(canvas, processor);
        AtomicFile.write(file, document::writeTo);
    }

    private static Document document(Canvas canvas, Processor processor) {
        VectorGraphics2D g = new VectorGraphics2D();
        canvas.paint(g);
        // A copy: VectorGraphics2D's PDF filters fail with a ConcurrentModificationException on the live list.
        MutableCommandSequence commands = new MutableCommandSequence();
        g.getCommands().forEach(commands::add);
        return processor.getDocument(commands, new PageSize(0, 0, canvas.width(), canvas.height()));
    }
}
