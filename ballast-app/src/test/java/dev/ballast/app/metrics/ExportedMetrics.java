package dev.ballast.app.metrics;

import dev.ballast.app.balance.BalancerListener.CanaryLatencies;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names Ballast exports, and the metric names a PromQL expression uses. */
public final class ExportedMetrics {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring");

  private ExportedMetrics() {}

  /** Returns every sample name of a {@link BallastMetrics} that has seen every kind of event. */
  public static Set<String> names() {
    BallastMetrics metrics = new BallastMetrics(() -> 1_000_000L, PlannerOptions.defaults());
    ClusterModel model = Fixtures.skewed();
    metrics.onSample(model, Fixtures.estimate(model), Map.of());
    Map<Integer, Double> ms = Map.of(1, 5.0, 2, 6.0, 3, 7.0);
    metrics.onCanary(new CanaryLatencies(ms, ms, ms, ms));
    metrics.onAnomalies(
        List.of(new Anomaly(AnomalyKind.IMBALANCE, List.of(), "replicas: 2.00x", true)));
    metrics.onPlan(Fixtures.plan(model), true, "executing");
    ExecutionProgress done =
        new ExecutionProgress(ExecutionPhase.DONE, 2, 0, 0, 0, 2, 0, 10, 10, List.of());
    metrics.onExecutionFinished(done);
    metrics.onError("boom", new IllegalStateException());
    return sampleNames(metrics.scrape());
  }

  /** Returns the sample names in Prometheus text {@code exposition}. */
  public static Set<String> sampleNames(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = line.length();
      for (char c : new char[] {'{', ' '}) {
        int i = line.indexOf(c);
        if (i >= 0) {
          end = Math.min(end, i);
        }
      }
      names.add(line.substring(0, end));
    }
    return names;
  }

  /** Returns the metric names PromQL {@code expr} selects (functions and keywords left out). */
  public static Set<String> usedBy(String expr) {
    String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    s = s.replaceAll("\\{[^}]*\\}", " ");
    s = s.replaceAll("\\[[^\\]]*\\]", " ");
    s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      if (m.group(1) != null || KEYWORDS.contains(m.group())) {
        continue;
      }
      names.add(m.group());
    }
    return names;
  }
}
