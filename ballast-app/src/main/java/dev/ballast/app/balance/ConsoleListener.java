package dev.ballast.app.balance;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlanRenderer;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints what the balancer does, one timestamped line per event, plus plan tables. */
public final class ConsoleListener implements BalancerListener {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final PrintWriter out;
  private final boolean verbose;
  private String lastAnomalies = "";
  private ProgressLines progressLines = new ProgressLines();

  /** Creates a listener printing to {@code out}; {@code verbose} prints every sample. */
  public ConsoleListener(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public void onSample(ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canaryMs) {
    if (!estimate.ready()) {
      line(String.format(Locale.ROOT, "sampling load: %d sample(s) so far", estimate.samples()));
      return;
    }
    if (verbose) {
      line("load: " + brokerSummary(model, canaryMs));
    }
    estimate.warnings().forEach(w -> line("warning: " + w));
  }

  @Override
  public void onAnomalies(List<Anomaly> anomalies) {
    String text = anomalies.toString();
    if (text.equals(lastAnomalies)) {
      return;
    }
    lastAnomalies = text;
    if (anomalies.isEmpty()) {
      line("balanced: no anomaly");
    }
    anomalies.forEach(a -> line("anomaly: " + a));
  }

  @Override
  public void onPlan(Plan plan, boolean executing, String note) {
    var s = plan.summary();
    line(
        String.format(
            Locale.ROOT,
            "plan: %d replica move(s), %d leadership change(s), %s to move (lower bound %s), worst max/mean %.2f -> %.2f; %s",
            s.replicaMoves(),
            s.leadershipTransfers(),
            bytes(s.bytesToMove()),
            bytes(s.lowerBoundBytes()),
            s.worstMaxOverMeanBefore(),
            s.worstMaxOverMeanAfter(),
            note));
    out.print(PlanRenderer.table(plan, 20));
    out.flush();
  }

  @Override
  public void onProgress(ExecutionProgress progress) {
    progressLines.next(progress).forEach(this::line);
  }

  @Override
  public void onResume(ExecutionProgress progress) {
    line(
        "resuming what an earlier run left in the execution journal: "
            + progress.inFlight()
            + " move(s) in flight adopted");
    progress.notes().forEach(n -> line("  " + n));
  }

  @Override
  public void onExecutionFinished(ExecutionProgress progress) {
    line(
        "execution "
            + progress.phase().label()
            + ": "
            + progress.done()
            + " partition(s) moved, "
            + progress.failed()
            + " failed");
    ProgressLines.guardSummary(progress).forEach(g -> line("  last " + g));
    progress.notes().forEach(n -> line("  " + n));
    progressLines = new ProgressLines();
  }

  @Override
  public void onError(String message, Exception e) {
    line("error: " + message);
  }

  /** Returns one line per broker with its replicas, leaders and load. */
  public static String brokerSummary(ClusterModel model, Map<Integer, Double> canaryMs) {
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    StringBuilder sb = new StringBuilder();
    for (Broker b : model.brokers()) {
      LoadVector l = loads.get(b.id());
      sb.append(
          String.format(
              Locale.ROOT,
              "%n  broker %d (%s): %d replicas, %d leaders, in %s/s, out %s/s, %.0f msg/s%s",
              b.id(),
              b.state().label(),
              (int) l.replicas(),
              (int) l.leaders(),
              bytes((long) l.networkIn()),
              bytes((long) l.networkOut()),
              l.messages(),
              canaryMs.containsKey(b.id())
                  ? String.format(Locale.ROOT, ", canary %.0f ms", canaryMs.get(b.id()))
                  : ""));
    }
    return sb.toString();
  }

  /** Returns {@code n} bytes in B, kB, MB or GB. */
  public static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private void line(String s) {
    out.println(LocalTime.now().format(TIME) + " " + s);
    out.flush();
  }
}
