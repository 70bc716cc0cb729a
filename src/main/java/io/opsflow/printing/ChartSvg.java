package io.opsflow.printing;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.svg.SVGGraphics2D;

/**
 * JFreeChart charts as SVG markup to inline into a print template ({@code th:utext}). Text is drawn
 * in {@link PdfPrinter#FONT_FAMILY} so Chinese labels render; the root element gets integer width and
 * height (JFreeSVG writes {@code 500.0}, which openhtmltopdf clips).
 */
public final class ChartSvg {

    private static final Pattern DECIMAL_SIZE = Pattern.compile("(width|height)=(['\"])(\\d+)\\.0\\2");

    private ChartSvg() {}

    /** Applies the print fonts to the chart and draws it into an SVG of the given size in pixels. */
    public static String render(JFreeChart chart, int width, int height) {
        if (width <= 0 || height <= 0 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("Chart size must be between 1 and 4000 pixels");
        }
        theme().apply(chart);
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        String element = svg.getSVGElement();
        int rootEnd = element.indexOf('>');
        return DECIMAL_SIZE.matcher(element.substring(0, rootEnd)).replaceAll("$1=\"$3\"") + element.substring(rootEnd);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("opsflow-print");
        theme.setExtraLargeFont(new Font(PdfPrinter.FONT_FAMILY, Font.BOLD, 16));
        theme.setLargeFont(new Font(PdfPrinter.FONT_FAMILY, Font.BOLD, 13));
        theme.setRegularFont(new Font(PdfPrinter.FONT_FAMILY, Font.PLAIN, 11));
        theme.setSmallFont(new Font(PdfPrinter.FONT_FAMILY, Font.PLAIN, 9));
        return theme;
    }
}
