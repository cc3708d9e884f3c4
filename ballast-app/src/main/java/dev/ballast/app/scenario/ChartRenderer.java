package dev.ballast.app.scenario;

import dev.ballast.app.task.TaskResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a scenario's timeline as PNG line charts, one series per broker, with the trigger and
 * each rebalance marked by vertical lines; and any named series as a line chart (the marathon's
 * trends). Headless: no display is needed.
 */
public final class ChartRenderer {

  /** A chart to draw: file name, title, axis label and the value per point. */
  record Spec(String file, String title, String unit, ToDoubleFunction<TimelinePoint> value) {}

  static final List<Spec> CHARTS =
      List.of(
          new Spec("bytes-in", "Bytes in per broker", "MB/s", p -> p.bytesInPerSec() / 1e6),
          new Spec(
              "messages-in",
              "Messages in per broker (as leader)",
              "messages/s",
              TimelinePoint::messagesPerSec),
          new Spec(
              "partitions",
              "Replicas of the scenario topic per broker",
              "replicas",
              TimelinePoint::replicas),
          new Spec(
              "leaders",
              "Leaders of the scenario topic per broker",
              "leaders",
              TimelinePoint::leaders),
          new Spec(
              "produce-latency",
              "Canary produce latency per broker",
              "ms",
              TimelinePoint::canaryMs));

  private ChartRenderer() {}

  /** Writes every chart of the scenario run {@code result} into {@code dir}; returns the files. */
  static List<Path> render(TaskResult result, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    ScenarioResult view = new ScenarioResult(result);
    List<Path> files = new ArrayList<>();
    for (Spec spec : CHARTS) {
      files.add(render(view, dir, spec));
    }
    return files;
  }

  /**
   * Writes a line chart of {@code series} (name to its {x, y} points) to {@code file} (a .png path)
   * and returns it.
   */
  public static Path lineChart(
      String title, String xTitle, String yTitle, Map<String, List<double[]>> series, Path file)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = chart(title, xTitle, yTitle);
    if (series.isEmpty()) {
      chart.addSeries("no data", new double[] {0}, new double[] {0});
    }
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(a -> a[0]).toArray();
      double[] y = e.getValue().stream().mapToDouble(a -> a[1]).toArray();
      chart.addSeries(e.getKey(), x, y);
    }
    return save(chart, file);
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(420)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setMarkerSize(4);
    return chart;
  }

  private static Path save(XYChart chart, Path file) throws IOException {
    BitmapEncoder.saveBitmap(
        chart, file.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }

  private static Path render(ScenarioResult result, Path dir, Spec spec) throws IOException {
    XYChart chart =
        chart(
            result.spec().name() + ": " + spec.title(),
            "seconds since the load started",
            spec.unit());
    Map<Integer, List<double[]>> byBroker = new TreeMap<>();
    double max = 0;
    for (TimelinePoint p : result.timeline()) {
      double v = spec.value().applyAsDouble(p);
      if (Double.isNaN(v)) {
        continue;
      }
      byBroker
          .computeIfAbsent(p.broker(), b -> new ArrayList<>())
          .add(new double[] {p.seconds(), v});
      max = Math.max(max, v);
    }
    if (byBroker.isEmpty()) {
      chart.addSeries("no data", new double[] {0}, new double[] {0});
    }
    for (Map.Entry<Integer, List<double[]>> e : byBroker.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(a -> a[0]).toArray();
      double[] y = e.getValue().stream().mapToDouble(a -> a[1]).toArray();
      chart.addSeries("broker " + e.getKey(), x, y);
    }
    double top = max <= 0 ? 1 : max * 1.1;
    if (result.spec().trigger() != Trigger.NONE) {
      marker(chart, "trigger", result.triggerSeconds(), top, Color.RED);
    }
    int i = 1;
    for (double start : result.executionStarts()) {
      marker(chart, "rebalance " + i++, start, top, Color.DARK_GRAY);
    }
    return save(chart, dir.resolve(spec.file() + ".png"));
  }

  private static void marker(XYChart chart, String name, double x, double top, Color color) {
    XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {0, top});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
  }
}
