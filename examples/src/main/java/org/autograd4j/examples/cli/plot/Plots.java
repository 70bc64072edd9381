package org.autograd4j.examples.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts the command-line tool draws, written as PNG files with XChart: learning curves, optimizer comparisons,
 * decision boundaries of 2-D classifiers and predicted-against-actual scatter plots. Each chart is
 * {@value #WIDTH}×{@value #HEIGHT} pixels (learning curves with a metric panel are two charts side by side). Files are
 * written to a temporary name and moved into place, so a failed write never leaves a half-written PNG.
 */
public final class Plots {
    /** The width of one chart in pixels. */
    public static final int WIDTH = 800;
    /** The height of one chart in pixels. */
    public static final int HEIGHT = 600;

    private static final Color[] CLASS_COLORS = {new Color(214, 39, 40), new Color(31, 119, 180),
        new Color(44, 160, 44), new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Plots() {
    }

    /**
     * One chart of per-epoch series (x = epoch 1, 2, ...).
     *
     * @param title  the chart's title
     * @param yTitle the y axis' title
     * @param series name → one value per epoch; series may have different lengths
     * @param logY   a logarithmic y axis (values are clamped to {@code >= 1e-12})
     */
    public record Panel(String title, String yTitle, Map<String, double[]> series, boolean logY) {
    }

    /**
     * Line charts side by side, each {@value #WIDTH}×{@value #HEIGHT}.
     *
     * @param file the image file to write (PNG)
     * @param panels the charts, left to right
     * @return {@code file}
     */
    public static Path lines(Path file, List<Panel> panels) {
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            charts.add(lineChart(p.title(), p.yTitle(), p.series(), p.logY()));
        }
        write(file, charts, charts.size());
        return file;
    }

    /**
     * Learning curves: the losses on the left and, when {@code metrics} is not empty, the metrics (e.g. accuracy) on
     * the right; the image is then {@code 2·WIDTH} wide.
     *
     * @param file the image file to write (PNG)
     * @param title the chart's title
     * @param losses the loss values per epoch by name, e.g. {@code loss} and {@code val_loss}
     * @param metrics the other metrics' values per epoch by name; may be empty
     * @return {@code file}
     */
    public static Path learningCurves(Path file, String title, Map<String, double[]> losses,
            Map<String, double[]> metrics) {
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel(title + " — loss", "loss", losses, false));
        if (!metrics.isEmpty()) {
            panels.add(new Panel(title + " — metrics", "value", metrics, false));
        }
        return lines(file, panels);
    }

    private static XYChart lineChart(String title, String yTitle, Map<String, double[]> series, boolean logY) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).theme(Styler.ChartTheme.Matlab).build();
        XYStyler style = chart.getStyler();
        style.setYAxisLogarithmic(logY);
        style.setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue().clone();
            if (y.length == 0) {
                continue;
            }
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
                if (logY) {
                    y[i] = Math.max(y[i], 1e-12);
                }
            }
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * The decision regions of a classifier over a 2-D box, with the labelled points on top.
     *
     * @param file the image file to write (PNG)
     * @param title the chart's title
     * @param bounds     {minX, maxX, minY, maxY}
     * @param grid       the number of cells along each axis, e.g. 120
     * @param classify   classes of a batch of points {@code [m][2]}
     * @param points     {@code [n][2]} points to draw
     * @param labels     their true classes
     * @param classNames the name of each class, for the legend
     * @return {@code file}
     */
    public static Path decisionBoundary(Path file, String title, double[] bounds, int grid,
            Function<double[][], int[]> classify, double[][] points, int[] labels, List<String> classNames) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("x1")
                .yAxisTitle("x2").theme(Styler.ChartTheme.Matlab).build();
        XYStyler style = chart.getStyler();
        style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        style.setXAxisMin(bounds[0]);
        style.setXAxisMax(bounds[1]);
        style.setYAxisMin(bounds[2]);
        style.setYAxisMax(bounds[3]);
        style.setLegendPosition(Styler.LegendPosition.OutsideE);
        style.setMarkerSize(7);
        style.setPlotGridLinesVisible(false);
        style.setPlotContentSize(1.0);
        double[][] cells = new double[grid * grid][];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                cells[i * grid + j] = new double[] {bounds[0] + (j + 0.5) * (bounds[1] - bounds[0]) / grid,
                    bounds[2] + (i + 0.5) * (bounds[3] - bounds[2]) / grid};
            }
        }
        int[] cellClass = classify.apply(cells);
        Marker tile = new Tile((int) Math.ceil((double) WIDTH / grid) + 1);
        for (int c = 0; c < classNames.size(); c++) {
            addClass(chart, "region " + classNames.get(c), cells, cellClass, c, tile, light(color(c)), false);
        }
        for (int c = 0; c < classNames.size(); c++) {
            addClass(chart, classNames.get(c), points, labels, c, SeriesMarkers.CIRCLE, color(c), true);
        }
        write(file, List.of(chart), 1);
        return file;
    }

    private static void addClass(XYChart chart, String name, double[][] xy, int[] classes, int c, Marker marker,
            Color color, boolean inLegend) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < xy.length; i++) {
            if (classes[i] == c) {
                xs.add(xy[i][0]);
                ys.add(xy[i][1]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(marker).setMarkerColor(color).setShowInLegend(inLegend);
    }

    /**
     * Predicted against actual values of a regression, with the diagonal {@code y = x} a perfect model would follow.
     *
     * @param file the image file to write (PNG)
     * @param title the chart's title
     * @param actual the true values
     * @param predicted the model's values, as many as {@code actual}
     * @return {@code file}
     */
    public static Path predictedVsActual(Path file, String title, double[] actual, double[] predicted) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("actual")
                .yAxisTitle("predicted").theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(6);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : new double[][] {actual, predicted}) {
            for (double d : v) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        XYSeries points = chart.addSeries("samples", actual, predicted);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(color(1));
        XYSeries diagonal = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        diagonal.setMarker(SeriesMarkers.NONE).setLineColor(Color.DARK_GRAY)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        write(file, List.of(chart), 1);
        return file;
    }

    /**
     * The box around {@code points} ({@code [n][2]}) widened by {@code margin} on each side: {minX, maxX, minY, maxY}.
     *
     * @param points at least one point
     * @param margin the fraction of each side's range added, at least 0
     * @return a new array of four values
     */
    public static double[] bounds(double[][] points, double margin) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double[] p : points) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.max(b[1], p[0]);
            b[2] = Math.min(b[2], p[1]);
            b[3] = Math.max(b[3], p[1]);
        }
        return new double[] {b[0] - margin, b[1] + margin, b[2] - margin, b[3] + margin};
    }

    /** The colour drawn for class {@code c}. */
    static Color color(int c) {
        return CLASS_COLORS[c % CLASS_COLORS.length];
    }

    private static Color light(Color c) {
        return new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
    }

    /** Charts in one row of {@code columns}, as a PNG, via a temporary file moved into place. */
    private static void write(Path file, List<XYChart> charts, int columns) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    if (charts.size() == 1) {
                        BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
                    } else {
                        BitmapEncoder.saveBitmap(charts, 1, columns, out, BitmapEncoder.BitmapFormat.PNG);
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("plot: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A filled square of a fixed pixel size, so that a grid of cells tiles the plot area. */
    private static final class Tile extends Marker {
        private final int size;

        Tile(int size) {
            this.size = size;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Rectangle2D.Double(x - size / 2.0, y - size / 2.0, size, size));
        }
    }
}
