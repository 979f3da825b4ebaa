package mpkernel.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.Marker;

/**
 * What one figure paints: XChart panels stacked top to bottom, all as wide as the figure, then
 * one legend for all of them (the panels have none of their own, so their plots line up), then
 * a footer with the results' provenance, so that a figure separated from its caption still says
 * where its numbers come from.
 */
final class Canvas {

    /**
     * One entry of the figure's legend: a bar swatch, or a line sample with an optional marker.
     *
     * @param label what the entry stands for, units included where it quotes a value
     * @param fill the bar fill, or {@code null} for a line entry
     * @param line the line's stroke, or {@code null} for a bar entry or a marker alone
     * @param marker the line's marker, or {@code null}
     */
    record LegendEntry(String label, Fill fill, Stroke line, Marker marker) {

        static LegendEntry bar(String label, Fill fill) {
            return new LegendEntry(label, fill, null, null);
        }

        static LegendEntry line(String label, Stroke line, Marker marker) {
            return new LegendEntry(label, null, line, marker);
        }
    }

    private static final int MARGIN = 12;
    private static final int SWATCH = 16;
    private static final int LINE_SAMPLE = 36;
    private static final int MARKER_SIZE = 11;
    private static final Font LEGEND_FONT = Look.font(14);
    private static final Font FOOTER_FONT = Look.font(11);
    private static final Color FOOTER_INK = new Color(0x404040);

    private final int width;
    private final List<Chart<?, ?>> panels;
    private final List<LegendEntry> legend;
    private final String footer;

    /** A figure of {@code panels} (each as high as the chart says), {@code legend} and {@code footer}. */
    Canvas(int width, List<Chart<?, ?>> panels, List<LegendEntry> legend, String footer) {
        this.width = width;
        this.panels = List.copyOf(panels);
        this.legend = List.copyOf(legend);
        this.footer = footer;
    }

    /** A figure of one chart, its legend and a footer. */
    static Canvas of(Chart<?, ?> chart, List<LegendEntry> legend, String footer) {
        return new Canvas(chart.getWidth(), List.of(chart), legend, footer);
    }

    int width() {
        return width;
    }

    int height() {
        return panelsHeight() + legendHeight() + footerLines().size() * metrics(FOOTER_FONT).getHeight() + MARGIN;
    }

    /**
     * Gives every panel the y axis width of the widest, so that their plots line up: XChart
     * takes the width as a lower bound, known only once a chart has been laid out.
     */
    private void alignPanels() {
        if (panels.size() < 2) {
            return;
        }
        int widest = 0;
        for (Chart<?, ?> chart : panels) {
            Graphics2D scratch = new BufferedImage(width, chart.getHeight(), BufferedImage.TYPE_INT_RGB).createGraphics();
            chart.paint(new FillGraphics(scratch), width, chart.getHeight());
            scratch.dispose();
            widest = Math.max(widest, (int) Math.ceil(chart.getYAxisLeftWidth()));
        }
        for (Chart<?, ?> chart : panels) {
            chart.getStyler().setYAxisLeftWidthHint(widest);
        }
    }

    /** Paints the figure at (0, 0) on {@code target}, with bar patterns. */
    void paint(Graphics2D target) {
        alignPanels();
        Graphics2D g = new FillGraphics(target);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height()));
        int y = 0;
        AffineTransform origin = g.getTransform();
        for (Chart<?, ?> chart : panels) {
            g.translate(0, y);
            chart.paint(g, width, chart.getHeight());
            g.setTransform(origin);
            g.setClip(null);
            y += chart.getHeight();
        }
        y = paintLegend(g, y);
        g.setColor(FOOTER_INK);
        FontMetrics fm = metrics(FOOTER_FONT);
        for (String line : footerLines()) {
            text(g, line, FOOTER_FONT, MARGIN, y + fm.getAscent());
            y += fm.getHeight();
        }
    }

    private int panelsHeight() {
        return panels.stream().mapToInt(Chart::getHeight).sum();
    }

    /** The legend's rows: entries in order, wrapped to the figure's width. */
    private List<List<LegendEntry>> legendRows() {
        List<List<LegendEntry>> rows = new ArrayList<>();
        FontMetrics fm = metrics(LEGEND_FONT);
        List<LegendEntry> row = new ArrayList<>();
        int x = MARGIN;
        for (LegendEntry e : legend) {
            int w = entryWidth(fm, e);
            if (!row.isEmpty() && x + w > width - MARGIN) {
                rows.add(row);
                row = new ArrayList<>();
                x = MARGIN;
            }
            row.add(e);
            x += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static int entryWidth(FontMetrics fm, LegendEntry e) {
        return sampleWidth(e) + 6 + fm.stringWidth(e.label()) + 24;
    }

    private static int sampleWidth(LegendEntry e) {
        return e.fill() != null ? SWATCH : LINE_SAMPLE;
    }

    private int rowHeight() {
        return Math.max(SWATCH, metrics(LEGEND_FONT).getHeight()) + 8;
    }

    private int legendHeight() {
        return legend.isEmpty() ? 0 : legendRows().size() * rowHeight() + 8;
    }

    private int paintLegend(Graphics2D g, int top) {
        if (legend.isEmpty()) {
            return top;
        }
        FontMetrics fm = metrics(LEGEND_FONT);
        int y = top + 4;
        for (List<LegendEntry> row : legendRows()) {
            int rowWidth = row.stream().mapToInt(e -> entryWidth(fm, e)).sum();
            int x = Math.max(MARGIN, (width - rowWidth) / 2);
            for (LegendEntry e : row) {
                double mid = y + rowHeight() / 2.0;
                if (e.fill() != null) {
                    e.fill().fill(g, new Rectangle2D.Double(x, mid - SWATCH / 2.0, SWATCH, SWATCH));
                } else {
                    g.setColor(Color.BLACK);
                    if (e.line() != null) {
                        Stroke stroke = g.getStroke();
                        g.setStroke(e.line());
                        g.draw(new Line2D.Double(x, mid, x + LINE_SAMPLE, mid));
                        g.setStroke(stroke);
                    }
                    if (e.marker() != null) {
                        e.marker().paint(g, x + LINE_SAMPLE / 2.0, mid, MARKER_SIZE);
                    }
                }
                g.setColor(Color.BLACK);
                text(g, e.label(), LEGEND_FONT, x + sampleWidth(e) + 6, y + (rowHeight() + fm.getAscent() - fm.getDescent()) / 2);
                x += entryWidth(fm, e);
            }
            y += rowHeight();
        }
        return top + legendHeight();
    }

    /** The footer, wrapped at word boundaries to the figure's width. */
    private List<String> footerLines() {
        FontMetrics fm = metrics(FOOTER_FONT);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : footer.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && fm.stringWidth(next) > width - 2 * MARGIN) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Draws {@code s} with its baseline at {@code y} as glyph outlines, as XChart draws its own
     * text: the vector files then need no fonts, and the PDF writer's font metrics cannot garble it.
     */
    private static void text(Graphics2D g, String s, Font font, double x, double y) {
        TextLayout layout = new TextLayout(s, font, g.getFontRenderContext());
        g.fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
