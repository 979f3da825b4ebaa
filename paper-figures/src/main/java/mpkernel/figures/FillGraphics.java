package mpkernel.figures;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * A {@link Graphics2D} that passes everything to another one, except that a shape filled with a
 * {@link Fill#key() fill key} colour is filled with that {@link Fill}, and that shapes with NaN
 * coordinates are left out. This is how XChart bars get hatching, on a bitmap and in the vector
 * files alike.
 */
final class FillGraphics extends Graphics2D {

    private final Graphics2D g;

    FillGraphics(Graphics2D g) {
        this.g = g;
    }

    /** Whether {@code shape} has a NaN coordinate: XChart draws NaN values (empty cells) as such, and a PDF must not contain them. */
    private static boolean undefined(Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        return Double.isNaN(b.getX()) || Double.isNaN(b.getY()) || Double.isNaN(b.getWidth()) || Double.isNaN(b.getHeight());
    }

    private boolean patterned(Shape shape) {
        Fill p = Fill.forKey(g.getPaint());
        if (p == null) {
            return false;
        }
        p.fill(g, shape);
        return true;
    }

    @Override
    public void fill(Shape s) {
        if (!undefined(s) && !patterned(s)) {
            g.fill(s);
        }
    }

    @Override
    public void draw(Shape s) {
        if (!undefined(s)) {
            g.draw(s);
        }
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        if (!patterned(new Rectangle(x, y, width, height))) {
            g.fillRect(x, y, width, height);
        }
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        if (!patterned(new Polygon(xPoints, yPoints, nPoints))) {
            g.fillPolygon(xPoints, yPoints, nPoints);
        }
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        if (!patterned(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight))) {
            g.fillRoundRect(x, y, width, height, arcWidth, arcHeight);
        }
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        if (!patterned(new Ellipse2D.Double(x, y, width, height))) {
            g.fillOval(x, y, width, height);
        }
    }

    @Override
    public Graphics create() {
        return new FillGraphics((Graphics2D) g.create());
    }

    // Everything else: passed through.

    @Override public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) { return g.drawImage(img, xform, obs); }
    @Override public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) { g.drawImage(img, op, x, y); }
    @Override public void drawRenderedImage(RenderedImage img, AffineTransform xform) { g.drawRenderedImage(img, xform); }
    @Override public void drawRenderableImage(RenderableImage img, AffineTransform xform) { g.drawRenderableImage(img, xform); }
    @Override public void drawString(String str, int x, int y) { g.drawString(str, x, y); }
    @Override public void drawString(String str, float x, float y) { g.drawString(str, x, y); }
    @Override public void drawString(AttributedCharacterIterator it, int x, int y) { g.drawString(it, x, y); }
    @Override public void drawString(AttributedCharacterIterator it, float x, float y) { g.drawString(it, x, y); }
    @Override public void drawGlyphVector(GlyphVector gv, float x, float y) { g.drawGlyphVector(gv, x, y); }
    @Override public boolean hit(Rectangle rect, Shape s, boolean onStroke) { return g.hit(rect, s, onStroke); }
    @Override public GraphicsConfiguration getDeviceConfiguration() { return g.getDeviceConfiguration(); }
    @Override public void setComposite(Composite comp) { g.setComposite(comp); }
    @Override public void setPaint(Paint paint) { g.setPaint(paint); }
    @Override public void setStroke(Stroke s) { g.setStroke(s); }
    @Override public void setRenderingHint(RenderingHints.Key key, Object value) { g.setRenderingHint(key, value); }
    @Override public Object getRenderingHint(RenderingHints.Key key) { return g.getRenderingHint(key); }
    @Override public void setRenderingHints(Map<?, ?> hints) { g.setRenderingHints(hints); }
    @Override public void addRenderingHints(Map<?, ?> hints) { g.addRenderingHints(hints); }
    @Override public RenderingHints getRenderingHints() { return g.getRenderingHints(); }
    @Override public void translate(int x, int y) { g.translate(x, y); }
    @Override public void translate(double tx, double ty) { g.translate(tx, ty); }
    @Override public void rotate(double theta) { g.rotate(theta); }
    @Override public void rotate(double theta, double x, double y) { g.rotate(theta, x, y); }
    @Override public void scale(double sx, double sy) { g.scale(sx, sy); }
    @Override public void shear(double shx, double shy) { g.shear(shx, shy); }
    @Override public void transform(AffineTransform tx) { g.transform(tx); }
    @Override public void setTransform(AffineTransform tx) { g.setTransform(tx); }
    @Override public AffineTransform getTransform() { return g.getTransform(); }
    @Override public Paint getPaint() { return g.getPaint(); }
    @Override public Composite getComposite() { return g.getComposite(); }
    @Override public void setBackground(Color color) { g.setBackground(color); }
    @Override public Color getBackground() { return g.getBackground(); }
    @Override public Stroke getStroke() { return g.getStroke(); }
    @Override public void clip(Shape s) { g.clip(s); }
    @Override public FontRenderContext getFontRenderContext() { return g.getFontRenderContext(); }
    @Override public Color getColor() { return g.getColor(); }
    @Override public void setColor(Color c) { g.setColor(c); }
    @Override public void setPaintMode() { g.setPaintMode(); }
    @Override public void setXORMode(Color c1) { g.setXORMode(c1); }
    @Override public Font getFont() { return g.getFont(); }
    @Override public void setFont(Font font) { g.setFont(font); }
    @Override public FontMetrics getFontMetrics(Font f) { return g.getFontMetrics(f); }
    @Override public Rectangle getClipBounds() { return g.getClipBounds(); }
    @Override public void clipRect(int x, int y, int width, int height) { g.clipRect(x, y, width, height); }
    @Override public void setClip(int x, int y, int width, int height) { g.setClip(x, y, width, height); }
    @Override public Shape getClip() { return g.getClip(); }
    @Override public void setClip(Shape clip) { g.setClip(clip); }
    @Override public void copyArea(int x, int y, int width, int height, int dx, int dy) { g.copyArea(x, y, width, height, dx, dy); }
    @Override public void drawLine(int x1, int y1, int x2, int y2) { g.drawLine(x1, y1, x2, y2); }
    @Override public void drawRect(int x, int y, int width, int height) { g.drawRect(x, y, width, height); }
    @Override public void clearRect(int x, int y, int width, int height) { g.clearRect(x, y, width, height); }
    @Override public void drawRoundRect(int x, int y, int w, int h, int aw, int ah) { g.drawRoundRect(x, y, w, h, aw, ah); }
    @Override public void drawOval(int x, int y, int width, int height) { g.drawOval(x, y, width, height); }
    @Override public void drawArc(int x, int y, int w, int h, int start, int arc) { g.drawArc(x, y, w, h, start, arc); }
    @Override public void fillArc(int x, int y, int w, int h, int start, int arc) { g.fillArc(x, y, w, h, start, arc); }
    @Override public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) { g.drawPolyline(xPoints, yPoints, nPoints); }
    @Override public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) { g.drawPolygon(xPoints, yPoints, nPoints); }
    @Override public boolean drawImage(Image img, int x, int y, ImageObserver o) { return g.drawImage(img, x, y, o); }
    @Override public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver o) { return g.drawImage(img, x, y, w, h, o); }
    @Override public boolean drawImage(Image img, int x, int y, Color bg, ImageObserver o) { return g.drawImage(img, x, y, bg, o); }
    @Override public boolean drawImage(Image img, int x, int y, int w, int h, Color bg, ImageObserver o) { return g.drawImage(img, x, y, w, h, bg, o); }
    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver o) {
        return g.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, o);
    }
    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bg, ImageObserver o) {
        return g.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, bg, o);
    }
    @Override public void dispose() { g.dispose(); }
}
