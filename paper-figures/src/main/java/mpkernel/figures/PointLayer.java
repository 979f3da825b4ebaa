package mpkernel.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * What the figures draw into an XChart plot themselves: points with interval whiskers, bounds,
 * labels and reference lines. XChart's own error bars are symmetric and are drawn wrong on a log
 * axis; these whiskers take each end as given (the slowdown's interval is asymmetric), on any
 * axis, and an end beyond the axis ends in an arrowhead instead of being cut silently.
 *
 * <p>Values are in the chart's data coordinates; the chart's axis ranges must be set explicitly
 * (as {@link Look} does), since the layer takes the floor and ceiling from them. Points of one
 * category or x value may be put side by side in <em>slots</em>, a fixed number of pixels
 * apart, so that points of equal value stay visible.
 */
final class PointLayer extends Annotation {

    /** How a point is drawn. */
    enum Kind {
        /** A value with its interval, if any. */
        VALUE,
        /** No value to draw (e.g. not positive on a log axis): the upper end of its interval, with an arrow down. */
        UPPER_BOUND,
        /** No value to draw and no upper end above the floor: the mark sits on the floor. */
        ON_FLOOR
    }

    /**
     * One point.
     *
     * @param kind how it is drawn
     * @param x its x value
     * @param y its value (the interval's upper end for {@link Kind#UPPER_BOUND}; ignored {@link Kind#ON_FLOOR})
     * @param low its interval's lower end, NaN for none
     * @param high its interval's upper end, NaN for none
     * @param mark its mark
     * @param slot its offset from {@code x} in slots, e.g. -0.5 and +0.5 for two points side by side
     * @param label text above it, or {@code null}
     */
    record Point(Kind kind, double x, double y, double low, double high, Mark mark, double slot, String label) {
    }

    /**
     * A full-width or full-height reference line.
     *
     * @param vertical whether it is vertical (at an x value)
     * @param value where it is
     * @param stroke how it is drawn
     * @param label text beside it, or {@code null}
     */
    record Guide(boolean vertical, double value, Stroke stroke, String label) {
    }

    /**
     * A thin line through a series' values, drawn under the points: which points belong
     * together where series cross.
     *
     * @param xs x values
     * @param ys y values; a pair with a NaN or (on a log axis) non-positive value is passed over
     * @param stroke how it is drawn
     * @param slot the offset of its points in slots
     */
    record Trace(double[] xs, double[] ys, Stroke stroke, double slot) {
    }

    private static final Font LABEL_FONT = Look.font(12);
    private static final double RUG = 12;
    private static final double BOUND_ARROW = 18;
    private static final Color RUG_INK = new Color(0x505050);

    private final double maxSlotPx;
    private final int slotsPerCategory;
    private final List<Point> points = new ArrayList<>();
    private final List<Guide> guides = new ArrayList<>();
    private final List<Double> rug = new ArrayList<>();
    private final List<Trace> traces = new ArrayList<>();
    private boolean verticalLabels;

    /**
     * A layer whose slots are {@code maxSlotPx} apart, or, on a category axis (categories at
     * x = 0, 1, 2...), narrower when {@code slotsPerCategory} of them would not fit in 80% of a
     * category's width.
     */
    PointLayer(double maxSlotPx, int slotsPerCategory) {
        super(false);
        this.maxSlotPx = maxSlotPx;
        this.slotsPerCategory = slotsPerCategory;
    }

    /** Writes labels upwards from their points, for many points close together. */
    PointLayer verticalLabels() {
        verticalLabels = true;
        return this;
    }

    /** Adds a value with its interval ({@code low}, {@code high} NaN for none). */
    PointLayer value(double x, double y, double low, double high, Mark mark, double slot, String label) {
        points.add(new Point(Kind.VALUE, x, y, low, high, mark, slot, label));
        return this;
    }

    /** Adds a point that has no value on this axis but an interval whose upper end is {@code high}. */
    PointLayer upperBound(double x, double high, Mark mark, double slot) {
        points.add(new Point(Kind.UPPER_BOUND, x, high, Double.NaN, high, mark, slot, null));
        return this;
    }

    /** Adds a point that has nothing to draw above the axis floor. */
    PointLayer onFloor(double x, Mark mark, double slot) {
        points.add(new Point(Kind.ON_FLOOR, x, Double.NaN, Double.NaN, Double.NaN, mark, slot, null));
        return this;
    }

    /** Adds a reference line. */
    PointLayer guide(boolean vertical, double value, Stroke stroke, String label) {
        guides.add(new Guide(vertical, value, stroke, label));
        return this;
    }

    /** Adds a line through {@code xs}, {@code ys} (same length), under the points. */
    PointLayer trace(double[] xs, double[] ys, Stroke stroke, double slot) {
        traces.add(new Trace(xs.clone(), ys.clone(), stroke, slot));
        return this;
    }

    /** Adds a short tick on the x axis at {@code x}: a value to compare with, not a measurement of this plot. */
    PointLayer rug(double x) {
        rug.add(x);
        return this;
    }

    @Override
    public void paint(Graphics2D g) {
        Paint paint = g.getPaint();
        Stroke stroke = g.getStroke();
        Shape clip = g.getClip();
        double left = sx(styler().getXAxisMin());
        double right = sx(styler().getXAxisMax());
        double floor = sy(styler().getYAxisMin());
        double ceiling = sy(styler().getYAxisMax());
        for (Guide guide : guides) {
            paintGuide(g, guide, left, right, floor, ceiling);
        }
        g.setColor(RUG_INK);
        g.setStroke(Look.SOLID);
        for (double x : rug) {
            g.draw(new Line2D.Double(sx(x), floor, sx(x), floor - RUG));
        }
        double slotPx = slotPx();
        g.setColor(Color.BLACK);
        for (Trace t : traces) {
            g.setStroke(t.stroke());
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < t.xs().length; i++) {
                double y = t.ys()[i];
                if (Double.isNaN(y) || Double.isNaN(t.xs()[i]) || below(y) || y > styler().getYAxisMax()) {
                    continue;
                }
                double x = sx(t.xs()[i]) + t.slot() * slotPx;
                if (started) {
                    line.lineTo(x, sy(y));
                } else {
                    line.moveTo(x, sy(y));
                    started = true;
                }
            }
            g.draw(line);
        }
        for (Point p : points) {
            double x = sx(p.x()) + p.slot() * slotPx;
            switch (p.kind()) {
                case VALUE -> paintValue(g, p, x, floor, ceiling);
                case UPPER_BOUND -> {
                    double y = sy(p.y());
                    Ink.arrowDown(g, x, y, Math.min(floor, y + BOUND_ARROW));
                    p.mark().paint(g, x, y);
                }
                case ON_FLOOR -> p.mark().paint(g, x, floor);
            }
        }
        g.setPaint(paint);
        g.setStroke(stroke);
        g.setClip(clip);
    }

    private void paintValue(Graphics2D g, Point p, double x, double floor, double ceiling) {
        double top = Double.NaN;
        if (!Double.isNaN(p.low()) && !Double.isNaN(p.high())) {
            double hi = sy(p.high());
            boolean bottomGoesOn = below(p.low());
            boolean topGoesOn = p.high() > styler().getYAxisMax();
            top = topGoesOn ? ceiling : hi;
            Ink.whisker(g, x, top, bottomGoesOn ? floor : sy(p.low()), topGoesOn, bottomGoesOn);
        }
        double y = sy(p.y());
        p.mark().paint(g, x, y);
        if (p.label() != null) {
            double above = Math.min(y - Mark.SIZE / 2, Double.isNaN(top) ? y : top) - 5;
            g.setColor(Color.BLACK);
            if (verticalLabels) {
                AffineTransform t = g.getTransform();
                g.rotate(-Math.PI / 2, x + 4, above);
                Ink.text(g, p.label(), LABEL_FONT, x + 4, above);
                g.setTransform(t);
            } else {
                Ink.text(g, p.label(), LABEL_FONT, x - Ink.width(p.label(), LABEL_FONT) / 2, Math.max(ceiling + 12, above));
            }
        }
    }

    /** Whether {@code v} lies below the y axis, where a log axis cannot even place it. */
    private boolean below(double v) {
        return v < styler().getYAxisMin() || styler().isYAxisLogarithmic() && v <= 0;
    }

    private void paintGuide(Graphics2D g, Guide guide, double left, double right, double floor, double ceiling) {
        g.setColor(Color.BLACK);
        g.setStroke(guide.stroke());
        if (guide.vertical()) {
            double x = sx(guide.value());
            g.draw(new Line2D.Double(x, floor, x, ceiling));
            if (guide.label() != null) {
                double w = Ink.width(guide.label(), LABEL_FONT);
                // Beside the line, on the side with room.
                double at = x + 5 + w < right ? x + 5 : x - 5 - w;
                Ink.text(g, guide.label(), LABEL_FONT, at, ceiling + 16);
            }
        } else {
            double y = sy(guide.value());
            g.draw(new Line2D.Double(left, y, right, y));
            if (guide.label() != null) {
                // On a category axis the first category's width is empty; elsewhere the right end is the likelier free place.
                double at = slotsPerCategory > 0 ? left + 6 : right - 6 - Ink.width(guide.label(), LABEL_FONT);
                Ink.text(g, guide.label(), LABEL_FONT, at, y - 5);
            }
        }
    }

    private double slotPx() {
        if (slotsPerCategory <= 0) {
            return maxSlotPx;
        }
        double category = Math.abs(sx(1) - sx(0));
        return Math.min(maxSlotPx, 0.8 * category / slotsPerCategory);
    }

    private AxesChartStyler styler() {
        return (AxesChartStyler) styler;
    }

    private double sx(double x) {
        return chart.getScreenXFromChart(x);
    }

    private double sy(double y) {
        return chart.getScreenYFromChart(y);
    }
}
