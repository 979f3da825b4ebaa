package mpkernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/**
 * A bar fill that stays readable in black and white: a background tone, hatching in an ink
 * tone, and a thin black outline. Backgrounds are tinted for colour readers, but any two fills
 * also differ in grey level or in hatching, so a printed page tells them apart.
 *
 * <p>XChart fills bars with a plain {@link Color}. Each fill therefore has a {@link #key()}
 * colour, never used for anything else, which a series gets as its fill colour;
 * {@link FillGraphics} recognises the key when a shape is filled and paints the fill
 * instead. Anything painting without {@link FillGraphics} still sees the background tone.
 */
enum Fill {
    /** Light tone, no hatching: the vanilla build. */
    LIGHT(new Color(0xc4d2e0), Color.BLACK, Hatch.NONE),
    /** Dark tone with light diagonal hatching: the isolated build. */
    DARK_DIAGONAL(new Color(0x2f4f6f), new Color(0xe8e8e8), Hatch.DIAGONAL),
    /** Near white with crosshatching. */
    CROSS(new Color(0xf4f4f4), new Color(0x303030), Hatch.CROSS),
    /** Orange with horizontal lines. */
    MID_HORIZONTAL(new Color(0xe0a040), Color.BLACK, Hatch.HORIZONTAL),
    /** Pale yellow with dots. */
    DOTS(new Color(0xfaf3c0), Color.BLACK, Hatch.DOTS),
    /** Light salmon with back-diagonal lines. */
    BACK_DIAGONAL(new Color(0xf0b8a0), new Color(0x202020), Hatch.BACK_DIAGONAL),
    /** Mid purple with white vertical lines. */
    VERTICAL(new Color(0xa070a0), Color.WHITE, Hatch.VERTICAL),
    /** Near black, no hatching. */
    SOLID_DARK(new Color(0x1a1a1a), Color.WHITE, Hatch.NONE),
    /** White, no hatching (the outline shows it). */
    WHITE(Color.WHITE, Color.BLACK, Hatch.NONE),
    /** Mid grey with diagonal lines. */
    GREY_DIAGONAL(new Color(0x9a9a9a), Color.BLACK, Hatch.DIAGONAL);

    /** How the lines of a fill run. */
    enum Hatch { NONE, DIAGONAL, BACK_DIAGONAL, CROSS, HORIZONTAL, VERTICAL, DOTS }

    /** Distance between hatch lines, in pixels (points in the vector files). */
    private static final double SPACING = 6;
    private static final Stroke INK = new BasicStroke(1.2f);
    private static final Stroke OUTLINE = new BasicStroke(0.9f);
    private static final Map<Integer, Fill> BY_KEY = new HashMap<>();

    static {
        for (Fill f : values()) {
            if (BY_KEY.put(f.key().getRGB(), f) != null) {
                throw new IllegalStateException("two fills share a key colour: " + f);
            }
        }
    }

    private final Color background;
    private final Color ink;
    private final Hatch hatch;

    Fill(Color background, Color ink, Hatch hatch) {
        this.background = background;
        this.ink = ink;
        this.hatch = hatch;
    }

    /**
     * The colour a series is given so that its bars get this fill: the background tone off by
     * one in blue, opaque (VectorGraphics2D's PDF writer fails on translucent fills), and
     * unique among the fills.
     */
    Color key() {
        return new Color(background.getRGB() ^ 0x000001);
    }

    /** How its lines run. */
    Hatch hatch() {
        return hatch;
    }

    /** The fill whose key {@code paint} is, if any. */
    static Fill forKey(Paint paint) {
        return paint instanceof Color c ? BY_KEY.get(c.getRGB()) : null;
    }

    /**
     * Fills {@code shape} with this fill on {@code g}, leaving g's paint and stroke as they were.
     * Hatching is cut to the shape by geometry, not by clipping (a clip per bar would bloat the
     * SVG): bars and legend boxes are rectangles; other shapes get their background and outline
     * only. An empty bar (a zero share in a stack) gets no outline either.
     */
    void fill(Graphics2D g, Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        Paint paint = g.getPaint();
        Stroke stroke = g.getStroke();
        if (!(b.getWidth() >= 0.5 && b.getHeight() >= 0.5)) { // NaN too
            return;
        }
        g.setPaint(background);
        g.fill(shape);
        if (hatch != Hatch.NONE && new Area(shape).isRectangular()) {
            g.setPaint(ink);
            g.setStroke(INK);
            hatch(g, b);
        }
        g.setPaint(Color.BLACK);
        g.setStroke(OUTLINE);
        g.draw(shape);
        g.setPaint(paint);
        g.setStroke(stroke);
    }

    /** Draws the hatch lines inside {@code b}; they sit on a grid fixed in user space, so neighbours line up. */
    private void hatch(Graphics2D g, Rectangle2D b) {
        switch (hatch) {
            case DIAGONAL -> diagonals(g, b, true);
            case BACK_DIAGONAL -> diagonals(g, b, false);
            case CROSS -> {
                diagonals(g, b, true);
                diagonals(g, b, false);
            }
            case HORIZONTAL -> {
                for (double y = Math.ceil(b.getMinY() / SPACING) * SPACING; y <= b.getMaxY(); y += SPACING) {
                    g.draw(new Line2D.Double(b.getMinX(), y, b.getMaxX(), y));
                }
            }
            case VERTICAL -> {
                for (double x = Math.ceil(b.getMinX() / SPACING) * SPACING; x <= b.getMaxX(); x += SPACING) {
                    g.draw(new Line2D.Double(x, b.getMinY(), x, b.getMaxY()));
                }
            }
            case DOTS -> {
                double r = 1.3;
                for (double y = Math.ceil((b.getMinY() + r) / SPACING) * SPACING; y <= b.getMaxY() - r; y += SPACING) {
                    double shift = Math.floorMod(Math.round(y / SPACING), 2) == 0 ? 0 : SPACING / 2;
                    for (double x = Math.ceil((b.getMinX() + r - shift) / SPACING) * SPACING + shift; x <= b.getMaxX() - r; x += SPACING) {
                        g.fill(new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r));
                    }
                }
            }
            case NONE -> { }
        }
    }

    /** The parts inside {@code b} of the lines x + y = c ({@code rising}: "/" on screen) or x - y = c ("\" on screen). */
    private static void diagonals(Graphics2D g, Rectangle2D b, boolean rising) {
        double x0 = b.getMinX();
        double x1 = b.getMaxX();
        double y0 = b.getMinY();
        double y1 = b.getMaxY();
        double from = rising ? x0 + y0 : x0 - y1;
        double to = rising ? x1 + y1 : x1 - y0;
        for (double c = Math.ceil(from / SPACING) * SPACING; c <= to; c += SPACING) {
            if (rising) {
                double top = Math.max(y0, c - x1);
                double bottom = Math.min(y1, c - x0);
                g.draw(new Line2D.Double(c - top, top, c - bottom, bottom));
            } else {
                double top = Math.max(y0, x0 - c);
                double bottom = Math.min(y1, x1 - c);
                g.draw(new Line2D.Double(c + top, top, c + bottom, bottom));
            }
        }
    }
}
