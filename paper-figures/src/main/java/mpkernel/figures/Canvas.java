package mpkernel.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What one figure paints: XChart panels stacked top to bottom, all as wide as the figure, then
 * one legend for all of them (the panels have none of their own, so their plots line up), then
 * a footer with the results' provenance, so that a figure separated from its caption still says
 * where its numbers come from.
 */
final class Canvas {

    /**
     * One entry of the figure's legend: a sample drawn as the plots draw it, and what it stands for.
     *
     * @param label what the entry stands for, units included where it quotes a value
     * @param sample how it looks
     */
    record LegendEntry(String label, Sample sample) {

        /** The picture of a legend entry. */
        interface Sample {
            /** Its width, pixels. */
            double width();

            /** Paints it from {@code x} on, centred vertically on {@code mid}. */
            void paint(Graphics2D g, double x, double mid);
        }

        /** A line, e.g. a reference value. */
        static LegendEntry line(String label, Stroke stroke) {
            return new LegendEntry(label, sample(LINE_SAMPLE, (g, x, mid) -> {
                g.setColor(Color.BLACK);
                g.setStroke(stroke);
                g.draw(new Line2D.Double(x, mid, x + LINE_SAMPLE, mid));
            }));
        }

        /** A point without interval. */
        static LegendEntry point(String label, Mark mark) {
            return new LegendEntry(label, sample(POINT_SAMPLE, (g, x, mid) -> mark.paint(g, x + POINT_SAMPLE / 2.0, mid)));
        }

        /** A point with its interval. */
        static LegendEntry interval(String label, Mark mark) {
            return new LegendEntry(label, sample(POINT_SAMPLE, (g, x, mid) -> {
                Ink.whisker(g, x + POINT_SAMPLE / 2.0, mid - 9, mid + 9, false, false);
                mark.paint(g, x + POINT_SAMPLE / 2.0, mid);
            }));
        }

        /** An upper bound: the mark with an arrow down. */
        static LegendEntry upperBound(String label, Mark mark) {
            return new LegendEntry(label, sample(POINT_SAMPLE, (g, x, mid) -> {
                Ink.arrowDown(g, x + POINT_SAMPLE / 2.0, mid - 4, mid + 11);
                mark.paint(g, x + POINT_SAMPLE / 2.0, mid - 4);
            }));
        }

        /** A short tick on the x axis. */
        static LegendEntry rug(String label) {
            return new LegendEntry(label, sample(POINT_SAMPLE, (g, x, mid) -> {
                g.setColor(Color.DARK_GRAY);
                g.setStroke(Look.SOLID);
                g.draw(new Line2D.Double(x + POINT_SAMPLE / 2.0, mid - 7, x + POINT_SAMPLE / 2.0, mid + 7));
            }));
        }

        private interface Painter {
            void paint(Graphics2D g, double x, double mid);
        }

        private static Sample sample(double width, Painter painter) {
            return new Sample() {
                @Override
                public double width() {
                    return width;
                }

                @Override
                public void paint(Graphics2D g, double x, double mid) {
                    painter.paint(g, x, mid);
                }
            };
        }
    }

    private static final int MARGIN = 12;
    private static final int LINE_SAMPLE = 36;
    private static final int POINT_SAMPLE = 20;
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
            Ink.text(g, line, FOOTER_FONT, MARGIN, y + fm.getAscent());
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
        return (int) Math.ceil(e.sample().width()) + 6 + fm.stringWidth(e.label()) + 24;
    }

    private int rowHeight() {
        return Math.max(POINT_SAMPLE + 4, metrics(LEGEND_FONT).getHeight() + 8);
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
                Stroke stroke = g.getStroke();
                e.sample().paint(g, x, mid);
                g.setStroke(stroke);
                g.setColor(Color.BLACK);
                Ink.text(g, e.label(), LEGEND_FONT, x + e.sample().width() + 6, y + (rowHeight() + fm.getAscent() - fm.getDescent()) / 2.0);
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
