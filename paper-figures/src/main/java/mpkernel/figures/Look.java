package mpkernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Collection;
import java.util.Locale;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.markers.Marker;

/**
 * The common look of the figures: white, black axes, fonts large enough to read at half size in
 * a two-column paper, black error bars, and bars filled with {@link Fill}s.
 */
final class Look {

    /** Width of every figure, pixels in the PNG and points in the vector files. */
    static final int WIDTH = 1000;
    /** Room left of the plot for y tick labels, so that stacked panels line up. */
    static final int Y_AXIS_WIDTH = 95;
    /** Dashed line of reference values. */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
    /** Solid line of measured series. */
    static final BasicStroke SOLID = new BasicStroke(2f);

    private Look() {
    }

    static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    static Font bold(int size) {
        return new Font(Font.SANS_SERIF, Font.BOLD, size);
    }

    /** A bar chart of the given height, styled, titled; axis titles must name their unit. */
    static CategoryChart bars(int height, String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChart(WIDTH, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        return chart;
    }

    private static void style(CategoryStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.BLACK);
        s.setPlotGridLinesColor(new Color(0xc8c8c8));
        s.setPlotGridVerticalLinesVisible(false);
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setChartTitleFont(bold(17));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(font(15));
        s.setAxisTickLabelsFont(font(14));
        s.setLegendVisible(false); // the figure's legend is drawn by Canvas, once for all panels
        s.setErrorBarsColor(Color.BLACK);
        s.setErrorBarsColorSeriesColor(false);
        s.setAnnotationLineColor(Color.BLACK);
        s.setAnnotationLineStroke(DASHED);
        s.setAvailableSpaceFill(0.75);
        s.setChartPadding(12);
        s.setMarkerSize(11);
        s.setYAxisLeftWidthHint(Y_AXIS_WIDTH);
        s.setToolTipsEnabled(false);
        s.setLocale(Locale.ROOT);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setYAxisDecimalPattern("#,##0.###");
    }

    /**
     * A full-width dashed horizontal line at {@code y}, for a reference value (one per chart:
     * XChart styles all of a chart's annotation lines alike).
     */
    static void referenceLine(CategoryChart chart, double y) {
        chart.addAnnotation(new AnnotationLine(y, false, false));
    }

    /**
     * Puts {@code chart}'s y axis on a log scale from the decade at or below the smallest of
     * {@code values} to the decade above the largest (XChart's bars need an explicit bottom on a
     * log axis). NaN values are ignored, and a NaN point is not drawn: use NaN, not null, for an
     * empty cell. Give the chart's series no error bars: XChart draws them wrong on a log axis.
     */
    static void logAxis(CategoryChart chart, Collection<Double> values) {
        double min = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).max().orElse(10);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max * 1.0001))));
    }

    /** Tilts the x tick labels, for categories with long names. */
    static void tiltLabels(CategoryChart chart) {
        chart.getStyler().setXAxisLabelRotation(25);
    }

    /** Gives {@code series} bars filled with {@code fill}. */
    static void fill(CategorySeries series, Fill fill) {
        series.setFillColor(fill.key());
        series.setLineColor(Color.BLACK);
        series.setMarkerColor(Color.BLACK);
    }

    /** Makes {@code series} a black line with {@code marker}, drawn with {@code stroke}. */
    static void line(CategorySeries series, Marker marker, BasicStroke stroke) {
        series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        series.setLineColor(Color.BLACK);
        series.setMarkerColor(Color.BLACK);
        series.setFillColor(Color.BLACK);
        series.setMarker(marker);
        series.setLineStyle(stroke);
    }
}
