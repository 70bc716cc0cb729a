package io.opsflow.workorder.report;

import io.opsflow.printing.ChartSvg;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.report.MonthlyFigures.DayRow;
import io.opsflow.workorder.report.MonthlyFigures.TypeRow;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's two charts as inline SVG: status by type (stacked bars) and created/archived per day. */
final class ReportCharts {

    private ReportCharts() {}

    static String statusByType(MonthlyFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TypeRow t : f.types()) {
            for (WorkOrderStatus status : WorkOrderStatus.values()) {
                Integer n = t.byStatus().get(status);
                if (n != null) {
                    data.addValue(n, SummaryText.statusName(status), t.type());
                }
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Work orders by type and status", null, "Orders", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        style(chart);
        return ChartSvg.render(chart, 640, Math.max(220, 90 + 34 * f.types().size()));
    }

    static String trend(MonthlyFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DayRow d : f.days()) {
            String day = String.valueOf(d.day().getDayOfMonth());
            data.addValue(d.created(), "created", day);
            data.addValue(d.archived(), "archived", day);
        }
        JFreeChart chart = ChartFactory.createLineChart("Created and archived per day", "Day of month", "Orders", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        return ChartSvg.render(chart, 640, 260);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
    }
}
