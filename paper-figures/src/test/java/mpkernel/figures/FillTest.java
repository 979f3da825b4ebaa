package mpkernel.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fills stay apart in black and white, and the pattern painter finds them by their key. */
class FillTest {

    @Test
    void vanillaAndIsolatedDifferInGrey() {
        assertTrue(grey(Fill.LIGHT) - grey(Fill.DARK_DIAGONAL) > 0.5, "light vs dark bars");
    }

    @Test
    void everyTwoFillsDifferWithoutColour() {
        for (Fill a : Fill.values()) {
            for (Fill b : Fill.values()) {
                if (a.ordinal() < b.ordinal()) {
                    // A printed page tells two fills apart by their grey or by their hatching.
                    assertTrue(Math.abs(grey(a) - grey(b)) > 0.15 || !hatch(a).equals(hatch(b)), a + " vs " + b);
                }
            }
        }
    }

    @Test
    void aKeyColourIsPaintedAsItsPattern() {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = new FillGraphics(image.createGraphics());
        g.setColor(Fill.DARK_DIAGONAL.key());
        g.fill(new Rectangle(0, 0, 60, 60));
        g.dispose();
        assertEquals(Color.BLACK.getRGB(), image.getRGB(0, 30), "outlined");
        int light = 0;
        for (int x = 5; x < 55; x++) {
            light += (image.getRGB(x, 30) & 0xff) > 0xc0 ? 1 : 0;
        }
        assertTrue(light > 3, "hatched with light lines");
        assertEquals(Fill.DARK_DIAGONAL, Fill.forKey(Fill.DARK_DIAGONAL.key()));
        assertEquals(null, Fill.forKey(Color.BLACK));
    }

    @Test
    void shapesWithNaNCoordinatesAreLeftOut() {
        // XChart draws an empty cell (NaN) as a NaN shape; in a PDF that is a syntax error.
        VectorGraphics2D vector = new VectorGraphics2D();
        Graphics2D g = new FillGraphics(vector);
        g.fill(new Rectangle2D.Double(Double.NaN, 1, 2, 3));
        g.draw(new Rectangle2D.Double(1, Double.NaN, 2, 3));
        g.fill(new Rectangle2D.Double(1, 1, 2, 3));
        long shapes = 0;
        for (var c : vector.getCommands()) {
            shapes += c instanceof FillShapeCommand || c instanceof DrawShapeCommand ? 1 : 0;
        }
        assertEquals(1, shapes);
    }

    private static double grey(Fill f) {
        Color c = new Color(f.key().getRGB());
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    private static String hatch(Fill f) {
        return f.hatch().name();
    }
}
