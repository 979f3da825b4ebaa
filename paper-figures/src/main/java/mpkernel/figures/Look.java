package mpkernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The common look of the figures: white, black axes, fonts large enough to read at half size in
 * a two-column paper, and every measured value a point (a {@link Mark}) with its interval drawn
 * by a {@link PointLayer}, never a bar: on a log axis a bar's length depends on where the axis
 * happens to start, so it shows nothing. XChart draws the axes, the grid and the titles only;
 * every axis range is set here explicitly, from the values to show.
 */
final class Look {

    /** Width of every figure, pixels in the PNG and points in the vector files. */
    static final int WIDTH = 1000;
    /** Room left of the plot for y tick labels, so that stacked panels line up. */
    static final int Y_AXIS_WIDTH = 95;
    /** Dashed line of reference values from the literature. */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
    /** Dotted line of a second reference value. */
    static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f);
    /** Dash-dotted line of a reference value measured elsewhere. */
    static final BasicStroke DASH_DOT = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {10f, 4f, 2f, 4f}, 0f);
    /** Solid line. */
    static final BasicStroke SOLID = new BasicStroke(2f);
    /** Thin solid line, for zero on a linear axis. */
    static final BasicStroke THIN = new BasicStroke(1f);

    /** Points of one category or x value side by side are at most this many pixels apart. */
    static final double SLOT = 14;

    private static final String ANCHOR = "anchor";
    /** More categories than fit upright side by side, at the tick label font. */
    static final int MAX_CATEGORIES = 36;
    /** A fifth of a decade. */
    private static final double MARGIN_FACTOR = Math.pow(10, 0.2);

    private Look() {
    }

    static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    static Font bold(int size) {
        return new Font(Font.SANS_SERIF, Font.BOLD, size);
    }

    /** A plot of the given height, styled, titled; axis titles must name their unit. */
    static XYChart chart(int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(WIDTH, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        return chart;
    }

    private static void style(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.BLACK);
        s.setPlotGridLinesColor(new Color(0xc8c8c8));
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setChartTitleFont(bold(17));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(font(15));
        s.setAxisTickLabelsFont(font(14));
        s.setLegendVisible(false); // the figure's legend is drawn by Canvas, once for all panels
        s.setChartPadding(12);
        // The axis ranges span the plot exactly, so that a PointLayer's floor and ceiling are its edges.
        s.setPlotContentSize(1.0);
        s.setYAxisLeftWidthHint(Y_AXIS_WIDTH);
        s.setToolTipsEnabled(false);
        s.setLocale(Locale.ROOT);
        s.setXAxisLogarithmicDecadeOnly(true);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setXAxisDecimalPattern("#,##0.###");
        s.setYAxisDecimalPattern("#,##0.###");
    }

    /**
     * Makes the x axis one of categories: {@code labels} at x = 0, 1, 2..., each labelled with
     * its name, tilted as far as needed for every name to fit (XChart leaves out labels that
     * would overlap), with the width of a category free at either end.
     *
     * <p>How XChart is made to do that: when the x values of its series, with the axis ends,
     * are evenly spaced, it puts ticks at those values only; an invisible series at the
     * categories and ends one category beyond them are that. The ends get labels that differ
     * and show nothing (XChart draws no ticks when the ends read alike). Its tick search never
     * ends when labels cannot fit even upright, so beyond {@link #MAX_CATEGORIES} the names are
     * left to the caption.
     */
    static void categories(XYChart chart, List<String> labels) {
        int n = labels.size();
        chart.getStyler().setXAxisMin(-1.0);
        chart.getStyler().setXAxisMax((double) n);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
        }
        anchor(chart, xs);
        if (n > MAX_CATEGORIES) {
            chart.getStyler().setXAxisTicksVisible(false);
            return;
        }
        chart.getStyler().setXAxisLabelRotation(rotation(labels, chart.getStyler().getAxisTickLabelsFont()));
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            int i = (int) Math.rint(x);
            if (i >= 0 && i < n && Math.abs(x - i) < 1e-9) {
                return labels.get(i);
            }
            return i < 0 ? " " : "  ";
        });
    }

    /**
     * A base-2 log x axis for whole numbers ({@code values} at least 1): the data are given as
     * their base-2 logarithms ({@link #log2}), the ticks fall on the powers of two from the one
     * at or below the smallest value to the one at or above the largest, labelled with the
     * power itself (1, 2, 4, ... 256), with a power's width free at either end. XChart is made
     * to place those ticks as {@link #categories} does.
     */
    static void log2X(XYChart chart, Collection<Double> values) {
        double min = values.stream().filter(v -> v != null && v >= 1).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().filter(v -> v != null && v >= 1).mapToDouble(Double::doubleValue).max().orElse(2);
        int lo = (int) Math.floor(log2(min) + 1e-9);
        int hi = Math.max(lo + 1, (int) Math.ceil(log2(max) - 1e-9));
        chart.getStyler().setXAxisMin(lo - 1.0);
        chart.getStyler().setXAxisMax(hi + 1.0);
        double[] xs = new double[hi - lo + 1];
        for (int k = lo; k <= hi; k++) {
            xs[k - lo] = k;
        }
        anchor(chart, xs);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            int k = (int) Math.rint(x);
            if (k >= lo && k <= hi && Math.abs(x - k) < 1e-9) {
                return Long.toString(1L << k);
            }
            return k < lo ? " " : "  ";
        });
    }

    /** The base-2 logarithm, where {@link #log2X} places a value. */
    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** A numeric x axis: XChart still wants a series, which draws nothing. */
    static void numericX(XYChart chart) {
        anchor(chart, new double[] {chart.getStyler().getXAxisMin()});
    }

    private static void anchor(XYChart chart, double[] xs) {
        double[] ys = new double[xs.length];
        // The y range is set explicitly, so this series draws nothing and moves nothing.
        Arrays.fill(ys, Double.NaN);
        XYSeries s = chart.addSeries(ANCHOR, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * Puts the y axis on a log scale from the decade at or below the smallest positive of
     * {@code values} to the decade above the largest; NaN and non-positive values are ignored
     * (the caller draws those as bounds or on the floor, and says so).
     */
    static void logY(XYChart chart, Collection<Double> values) {
        double[] r = decades(values);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(r[0]);
        chart.getStyler().setYAxisMax(r[1]);
    }

    /**
     * Puts the x axis on a log scale over the positive of {@code values}, a fifth of a decade
     * beyond them on either side, so that no point sits on the plot's edge.
     */
    static void logX(XYChart chart, Collection<Double> values) {
        double min = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).max().orElse(10);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(min / MARGIN_FACTOR);
        chart.getStyler().setXAxisMax(max * MARGIN_FACTOR);
    }

    /** Raises the top of a linear y axis by {@code fraction} of its span: room for labels above the points. */
    static void headroom(XYChart chart, double fraction) {
        double lo = chart.getStyler().getYAxisMin();
        double hi = chart.getStyler().getYAxisMax();
        chart.getStyler().setYAxisMax(hi + fraction * (hi - lo));
    }

    /**
     * A linear y axis over {@code values} (NaN ignored) and zero, with 8% room beyond the values;
     * zero itself is the floor when no value is negative.
     */
    static void linearY(XYChart chart, Collection<Double> values) {
        double lo = Math.min(0, values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(0));
        double hi = Math.max(0, values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(1));
        if (hi == lo) {
            hi = lo + 1;
        }
        double room = 0.08 * (hi - lo);
        chart.getStyler().setYAxisMin(lo < 0 ? lo - room : 0);
        chart.getStyler().setYAxisMax(hi > 0 ? hi + room : 0);
    }

    /** A linear y axis from {@code min} to {@code max} exactly. */
    static void fixedY(XYChart chart, double min, double max) {
        chart.getStyler().setYAxisMin(min);
        chart.getStyler().setYAxisMax(max);
    }

    private static double[] decades(Collection<Double> values) {
        double min = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).max().orElse(10);
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max * 1.0001)));
        return new double[] {lo, hi > lo ? hi : lo * 10};
    }

    /**
     * The least tilt, in degrees, at which the widest of {@code labels} fits its category with
     * XChart's 10% margin, assuming the plot takes the figure's width less the y axis.
     */
    private static int rotation(List<String> labels, Font font) {
        double spacing = (WIDTH - Y_AXIS_WIDTH - 60.0) / (labels.size() + 1);
        double widest = labels.stream().mapToDouble(l -> Ink.width(l, font)).max().orElse(0);
        double height = font.getSize2D() * 1.2;
        for (int degrees : new int[] {0, 25, 45, 60, 90}) {
            double r = Math.toRadians(degrees);
            if ((widest * Math.cos(r) + height * Math.sin(r)) * 1.1 < spacing) {
                return degrees;
            }
        }
        return 90;
    }

    /** A point layer for {@code chart}, added to it: slots at most {@link #SLOT} apart, {@code slotsPerCategory} to a category (0: none). */
    static PointLayer layer(XYChart chart, int slotsPerCategory) {
        PointLayer layer = new PointLayer(SLOT, slotsPerCategory);
        chart.addAnnotation(layer);
        return layer;
    }
}
