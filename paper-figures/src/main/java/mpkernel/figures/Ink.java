package mpkernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * The strokes the figures draw themselves, in the plots and in the legend alike: interval
 * whiskers, arrows for intervals and bounds that leave the axis, and text as glyph outlines.
 */
final class Ink {

    /** Half the width of a whisker's cap. */
    static final double CAP = 4;
    /** Length of an arrowhead. */
    static final double HEAD = 7;

    private static final BasicStroke WHISKER = new BasicStroke(1.5f);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Ink() {
    }

    /**
     * A vertical interval from {@code top} to {@code bottom} at {@code x} (screen coordinates,
     * top above bottom), each end with a cap, or with an arrowhead where the interval goes on
     * beyond the axis.
     */
    static void whisker(Graphics2D g, double x, double top, double bottom, boolean topGoesOn, boolean bottomGoesOn) {
        g.setColor(Color.BLACK);
        g.setStroke(WHISKER);
        g.draw(new Line2D.Double(x, top, x, bottom));
        if (topGoesOn) {
            head(g, x, top, -1);
        } else {
            g.draw(new Line2D.Double(x - CAP, top, x + CAP, top));
        }
        if (bottomGoesOn) {
            head(g, x, bottom, 1);
        } else {
            g.draw(new Line2D.Double(x - CAP, bottom, x + CAP, bottom));
        }
    }

    /** An arrow from ({@code x}, {@code from}) down to ({@code x}, {@code to}): "at most this much". */
    static void arrowDown(Graphics2D g, double x, double from, double to) {
        g.setColor(Color.BLACK);
        g.setStroke(WHISKER);
        g.draw(new Line2D.Double(x, from, x, to - HEAD / 2));
        head(g, x, to, 1);
    }

    /** A filled arrowhead with its tip at ({@code x}, {@code y}), pointing down ({@code +1}) or up ({@code -1}). */
    private static void head(Graphics2D g, double x, double y, int down) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x - HEAD / 2, y - down * HEAD);
        p.lineTo(x + HEAD / 2, y - down * HEAD);
        p.closePath();
        g.fill(p);
    }

    /**
     * Draws {@code s} with its baseline starting at ({@code x}, {@code y}) as glyph outlines, as
     * XChart draws its own text: the vector files then need no fonts, and the PDF writer's font
     * metrics cannot garble it.
     */
    static void text(Graphics2D g, String s, Font font, double x, double y) {
        TextLayout layout = new TextLayout(s, font, g.getFontRenderContext());
        g.fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
    }

    /** The advance of {@code s} in {@code font}, for placing it. */
    static double width(String s, Font font) {
        return new TextLayout(s, font, FRC).getAdvance();
    }
}
