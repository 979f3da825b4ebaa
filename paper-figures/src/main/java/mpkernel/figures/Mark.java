package mpkernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * How one kind of point is drawn: a form and a tone, always with a black outline, so that any
 * two marks differ in black and white (in form, or in black, white or grey), not by colour.
 *
 * @param form its outline
 * @param tone its inside (a {@link Form#CROSS} is lines only and always black)
 */
record Mark(Form form, Tone tone) {

    /** The outline of a mark. */
    enum Form { CIRCLE, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN, CROSS }

    /** The inside of a mark. */
    enum Tone {
        BLACK(Color.BLACK), WHITE(Color.WHITE), GREY(new Color(0x8c8c8c));

        private final Color colour;

        Tone(Color colour) {
            this.colour = colour;
        }
    }

    /** Default size of a mark, pixels (points in the vector files) across. */
    static final double SIZE = 11;

    private static final BasicStroke OUTLINE = new BasicStroke(1.3f);
    private static final BasicStroke CROSS_LINES = new BasicStroke(2.4f);

    /** Paints the mark centred on ({@code x}, {@code y}), {@link #SIZE} across. */
    void paint(Graphics2D g, double x, double y) {
        double r = SIZE / 2;
        if (form == Form.CROSS) {
            g.setColor(Color.BLACK);
            g.setStroke(CROSS_LINES);
            g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
            g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
            return;
        }
        Shape s = shape(x, y, r);
        g.setColor(tone.colour);
        g.fill(s);
        g.setColor(Color.BLACK);
        g.setStroke(OUTLINE);
        g.draw(s);
    }

    private Shape shape(double x, double y, double r) {
        return switch (form) {
            case CIRCLE -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            // Squares and diamonds look larger than circles of the same width: a little smaller.
            case SQUARE -> new Rectangle2D.Double(x - 0.85 * r, y - 0.85 * r, 1.7 * r, 1.7 * r);
            case DIAMOND -> polygon(x, y - 1.1 * r, x + 0.9 * r, y, x, y + 1.1 * r, x - 0.9 * r, y);
            case TRIANGLE_UP -> polygon(x, y - 1.1 * r, x + r, y + 0.8 * r, x - r, y + 0.8 * r);
            case TRIANGLE_DOWN -> polygon(x, y + 1.1 * r, x + r, y - 0.8 * r, x - r, y - 0.8 * r);
            case CROSS -> throw new IllegalStateException("a cross has no outline");
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
