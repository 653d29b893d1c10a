package jazz.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;

import jazz.music.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the loss curve of a training run as a PNG (JFreeChart, headless). */
final class LossPlot {

    private LossPlot() {
    }

    static void write(Path png, double[] loss, String title) {
        XYSeries series = new XYSeries("loss");
        for (int i = 0; i < loss.length; i++) {
            series.add(i + 1, loss[i]);
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis value = new NumberAxis("loss (cross-entropy summed over the window)");
        value.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, new Color(0x1f, 0x5f, 0xa8));
        line.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), epochs, value, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 900, 540));
    }
}
