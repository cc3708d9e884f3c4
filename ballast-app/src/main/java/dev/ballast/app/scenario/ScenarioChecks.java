package dev.ballast.app.scenario;

import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.workload.spec.ProducerSpec;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.WorkloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks every run must prove (seed 000's correctness properties, plus ours): the load made a
 * measurable imbalance, the balancer converged to the expected end, sampled metrics match the known
 * load, the end is better than the start, nothing was lost or duplicated.
 */
final class ScenarioChecks {

  static final double IMBALANCE_BEFORE = 1.5;
  static final double BALANCED_AFTER = 1.15;
  static final double METRIC_TOLERANCE = 0.05;

  private final ScenarioSpec spec;
  private final Evidence evidence;
  private final WorkloadResult workload;
  private final Double convergence;

  /**
   * What a run recorded that the checks judge, besides the cluster before and after.
   *
   * @param workload the load's result (continuity, counts)
   * @param convergence seconds from the trigger to the expected end, or null when not reached
   * @param timeline per-broker samples, with the produce p99 of each
   * @param produceP99AtEnd the producers' p99 in the last load period under load (ms, NaN: none)
   * @param ackedRateOverWindow messages/s the producers had acknowledged within the sampler's last
   *     window (NaN: unknown)
   * @param executions how many plan executions started
   * @param failedExecutions how many of them failed (a refused move, an error)
   */
  record Evidence(
      WorkloadResult workload,
      Double convergence,
      List<TimelinePoint> timeline,
      double produceP99AtEnd,
      double ackedRateOverWindow,
      int executions,
      int failedExecutions) {

    /** Validates and copies. */
    Evidence {
      java.util.Objects.requireNonNull(workload, "workload");
      timeline = List.copyOf(timeline);
    }

    /** Returns the evidence {@code recorder} holds, with the load's result and convergence. */
    static Evidence of(ScenarioRecorder recorder, WorkloadResult workload, Double convergence) {
      return new Evidence(
          workload,
          convergence,
          recorder.timeline(),
          recorder.produceP99AtEnd(),
          recorder.ackedRateOverWindow(),
          recorder.executionStarts().size(),
          recorder.failedExecutions());
    }
  }

  /** Creates the checks of {@code spec} on {@code evidence}; a pure function of both. */
  ScenarioChecks(ScenarioSpec spec, Evidence evidence) {
    this.spec = spec;
    this.evidence = evidence;
    this.workload = evidence.workload();
    this.convergence = evidence.convergence();
  }

  /**
   * Returns the checks of a run whose cluster was {@code before} and {@code after} (null: none).
   */
  List<Check> all(ClusterModel before, ClusterModel after) {
    List<Check> checks = new ArrayList<>();
    Goal metric = spec.expectation().metric();
    double mmBefore = before == null ? Double.NaN : maxOverMean(before, metric);
    double mmAfter = after == null ? Double.NaN : maxOverMean(after, metric);
    if (spec.expectation().imbalanceBefore()) {
      checks.add(
          new Check(
              "the load creates a measurable imbalance",
              mmBefore >= IMBALANCE_BEFORE,
              String.format(
                  Locale.ROOT,
                  "%s max/mean %.2f before balancing (needs >= %.1f)",
                  metric.label(),
                  mmBefore,
                  IMBALANCE_BEFORE)));
    }
    checks.add(
        new Check(
            "the balancer converges to the expected end",
            convergence != null,
            convergence == null
                ? "expected end not reached: " + distribution(after)
                : String.format(
                    Locale.ROOT, "%s %.1f s after the trigger", distribution(after), convergence)));
    if (spec.expectation().balancedAfter()) {
      checks.addAll(balanceChecks(metric, mmBefore, mmAfter));
    }
    if (spec.name().equals("qps-based") && before != null && after != null) {
      double bytesBefore = maxOverMean(before, Goal.NETWORK_IN);
      double bytesAfter = maxOverMean(after, Goal.NETWORK_IN);
      checks.add(
          new Check(
              "bytes balance kept while messages/s are balanced",
              bytesAfter <= Math.max(BALANCED_AFTER, bytesBefore + 0.05),
              String.format(
                  Locale.ROOT, "network-in max/mean %.2f -> %.2f", bytesBefore, bytesAfter)));
    }
    if (!spec.slowLatency().isZero()) {
      checks.add(produceLatencyRecovers());
    }
    checks.add(sampledMatchesLoad(after));
    checks.add(continuity());
    checks.add(
        new Check(
            "every execution completed",
            evidence.failedExecutions() == 0,
            evidence.executions()
                + " execution(s), "
                + evidence.failedExecutions()
                + " failed or cancelled"));
    return checks;
  }

  /** The end is balanced in the scenario's metric, and better than the start. */
  private static List<Check> balanceChecks(Goal metric, double mmBefore, double mmAfter) {
    List<Check> out = new ArrayList<>();
    out.add(
        new Check(
            "balanced after",
            mmAfter <= BALANCED_AFTER,
            String.format(
                Locale.ROOT,
                "%s max/mean %.2f after (needs <= %.2f)",
                metric.label(),
                mmAfter,
                BALANCED_AFTER)));
    out.add(
        new Check(
            "after is better than before",
            mmAfter < mmBefore,
            String.format(
                Locale.ROOT, "%s max/mean %.2f -> %.2f", metric.label(), mmBefore, mmAfter)));
    return out;
  }

  private Check produceLatencyRecovers() {
    List<TimelinePoint> t = evidence.timeline();
    double worst =
        t.stream()
            .filter(p -> p.seconds() >= 0)
            .mapToDouble(TimelinePoint::produceP99Ms)
            .filter(d -> !Double.isNaN(d))
            .max()
            .orElse(Double.NaN);
    double last = evidence.produceP99AtEnd();
    boolean ok = !Double.isNaN(last) && last < spec.slowLatency().toMillis();
    return new Check(
        "produce p99 recovers",
        ok,
        String.format(
            Locale.ROOT,
            "produce p99 peaked at %.0f ms while broker %d was slow and led partitions; %.0f ms in the last period under load (needs < %d ms)",
            worst,
            spec.target(),
            last,
            spec.slowLatency().toMillis()));
  }

  private Check sampledMatchesLoad(ClusterModel after) {
    double target = spec.producers().stream().mapToDouble(ProducerSpec::messagesPerSecond).sum();
    double sampled =
        after == null
            ? 0
            : after.partitions().stream()
                .filter(p -> p.topic().equals(spec.topic()))
                .mapToDouble(p -> p.load().messagesInPerSec())
                .sum();
    // The known load: the producers' target when they are on schedule, or what they had acked in
    // the load periods within the sampler's window when a stall or a backlog moved them off it.
    double acked = evidence.ackedRateOverWindow();
    double vsTarget = target <= 0 ? 1 : Math.abs(sampled - target) / target;
    double vsAcked = Double.isNaN(acked) || acked <= 0 ? 1 : Math.abs(sampled - acked) / acked;
    double error = Math.min(vsTarget, vsAcked);
    return new Check(
        "sampled metrics match the generated load",
        error <= METRIC_TOLERANCE,
        String.format(
            Locale.ROOT,
            "sampled %.0f msg/s; generated %.0f msg/s target (%.1f%% off), %.0f msg/s acknowledged in"
                + " the window's load periods (%.1f%% off); needs <= %.0f%%",
            sampled,
            target,
            vsTarget * 100,
            acked,
            vsAcked * 100,
            METRIC_TOLERANCE * 100));
  }

  private Check continuity() {
    if (workload.groups().isEmpty()) {
      return new Check(
          "no message lost or duplicated", false, "no consumer group checked continuity");
    }
    GroupResult g = workload.groups().get(0);
    var v = g.verdict();
    // A failed send (the cluster never acknowledged it) is not a loss; it is reported.
    boolean ok = v.lost() == 0 && v.duplicated() == 0 && workload.drained();
    return new Check(
        "no message lost or duplicated",
        ok,
        String.format(
            Locale.ROOT,
            "produced %d, acked %d, failed %d, consumed %d, lost %d, duplicated %d, reordered %d%s",
            v.produced(),
            v.acked(),
            workload.failed(),
            v.consumed(),
            v.lost(),
            v.duplicated(),
            v.reordered(),
            workload.drained() ? "" : " (consumers did not drain)"));
  }

  private String distribution(ClusterModel m) {
    if (m == null) {
      return "no sample";
    }
    Map<Integer, int[]> c = ScenarioRecorder.topicCounts(spec.topic(), m);
    StringBuilder sb = new StringBuilder("replicas ");
    c.values().forEach(x -> sb.append(x[0]).append('-'));
    sb.setLength(sb.length() - 1);
    sb.append(", leaders ");
    c.values().forEach(x -> sb.append(x[1]).append('-'));
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  /** Returns max/mean of {@code goal} over the brokers that may take load (alive and new). */
  static double maxOverMean(ClusterModel m, Goal goal) {
    Map<Integer, LoadVector> loads = BrokerLoads.of(m);
    double sum = 0;
    double max = 0;
    int n = 0;
    for (Broker b : m.brokers()) {
      if (!b.state().canReceive()) {
        continue;
      }
      double v = loads.get(b.id()).get(goal);
      sum += v;
      max = Math.max(max, v);
      n++;
    }
    return n == 0 || sum == 0 ? Double.NaN : max / (sum / n);
  }

  /** Returns the partitions of {@code m} whose ISR is short of their replicas. */
  static long underReplicated(ClusterModel m) {
    return m.partitions().stream().filter(p -> p.isr().size() < p.replicas().size()).count();
  }

  static long replicas(ClusterModel m, String topic, int broker) {
    return m.partitions().stream()
        .filter(p -> p.topic().equals(topic))
        .map(Partition::replicas)
        .filter(r -> r.contains(broker))
        .count();
  }
}
