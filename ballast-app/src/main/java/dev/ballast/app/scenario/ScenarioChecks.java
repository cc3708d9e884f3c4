package dev.ballast.app.scenario;

import dev.ballast.app.scenario.ScenarioKeys.Balancing;
import dev.ballast.app.scenario.ScenarioKeys.LoadAtEnd;
import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
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
 * The checks every run must prove (seed 000's correctness properties, plus ours), each a {@link
 * Checker} of its own over the recorded run: the load made a measurable imbalance, the balancer
 * converged to the expected end, sampled metrics match the known load, the end is better than the
 * start, nothing was lost or duplicated, every execution completed.
 */
final class ScenarioChecks {

  static final double IMBALANCE_BEFORE = 1.5;
  static final double BALANCED_AFTER = 1.15;
  static final double METRIC_TOLERANCE = 0.05;

  private ScenarioChecks() {}

  /**
   * Returns the checkers of {@code spec}, in report order: the common ones that apply to it, the
   * capacity fix's, the report files', and last {@link Completion} (the run's own error).
   */
  static List<Checker> of(ScenarioSpec spec) {
    List<Checker> out = new ArrayList<>();
    if (spec.expectation().imbalanceBefore()) {
      out.add(new ImbalanceBefore());
    }
    out.add(new Convergence());
    if (spec.expectation().balancedAfter()) {
      out.add(new BalancedAfter());
      out.add(new Improvement());
    }
    if (spec.name().equals("qps-based")) {
      out.add(new BytesBalanceKept());
    }
    if (!spec.slowLatency().isZero()) {
      out.add(new LatencyRecovers());
    }
    out.add(new SampledMatchesLoad());
    out.add(new Continuity());
    out.add(new ExecutionsCompleted());
    if (spec.trigger() == Trigger.CAPACITY) {
      out.addAll(CapacityChecks.all());
    }
    out.addAll(ReportChecks.all());
    out.add(new Completion());
    return out;
  }

  /** The start shows the scenario's metric at max/mean >= 1.5. */
  static final class ImbalanceBefore extends ScenarioChecker {
    ImbalanceBefore() {
      super("imbalance-before", "the load creates a measurable imbalance");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      ClusterModel before = get(run, ScenarioKeys.BEFORE);
      if (spec == null || before == null) {
        return missing("sample before balancing");
      }
      Goal metric = spec.expectation().metric();
      double mm = maxOverMean(before, metric);
      return verdict(
          mm >= IMBALANCE_BEFORE,
          String.format(
              Locale.ROOT,
              "%s max/mean %.2f before balancing (needs >= %.1f)",
              metric.label(),
              mm,
              IMBALANCE_BEFORE));
    }
  }

  /** The expected end was reached (and held). */
  static final class Convergence extends ScenarioChecker {
    Convergence() {
      super("convergence", "the balancer converges to the expected end");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      Balancing b = get(run, ScenarioKeys.BALANCING);
      if (spec == null || b == null) {
        return missing("balancing");
      }
      ClusterModel after = get(run, ScenarioKeys.AFTER);
      Double c = b.convergenceSeconds();
      return verdict(
          c != null,
          c == null
              ? "expected end not reached: " + distribution(spec, after)
              : String.format(
                  Locale.ROOT, "%s %.1f s after the trigger", distribution(spec, after), c));
    }
  }

  /** The end is balanced in the scenario's metric. */
  static final class BalancedAfter extends ScenarioChecker {
    BalancedAfter() {
      super("balanced-after", "balanced after");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      ClusterModel after = get(run, ScenarioKeys.AFTER);
      if (spec == null || after == null) {
        return missing("sample at the end");
      }
      Goal metric = spec.expectation().metric();
      double mm = maxOverMean(after, metric);
      return verdict(
          mm <= BALANCED_AFTER,
          String.format(
              Locale.ROOT,
              "%s max/mean %.2f after (needs <= %.2f)",
              metric.label(),
              mm,
              BALANCED_AFTER));
    }
  }

  /** The end is better balanced than the start in the scenario's metric. */
  static final class Improvement extends ScenarioChecker {
    Improvement() {
      super("improvement", "after is better than before");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      ClusterModel before = get(run, ScenarioKeys.BEFORE);
      ClusterModel after = get(run, ScenarioKeys.AFTER);
      if (spec == null || before == null || after == null) {
        return missing("sample before and at the end");
      }
      Goal metric = spec.expectation().metric();
      double mmBefore = maxOverMean(before, metric);
      double mmAfter = maxOverMean(after, metric);
      return verdict(
          mmAfter < mmBefore,
          String.format(
              Locale.ROOT, "%s max/mean %.2f -> %.2f", metric.label(), mmBefore, mmAfter));
    }
  }

  /** Balancing messages/s did not skew bytes (qps-based). */
  static final class BytesBalanceKept extends ScenarioChecker {
    BytesBalanceKept() {
      super("bytes-balance-kept", "bytes balance kept while messages/s are balanced");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ClusterModel before = get(run, ScenarioKeys.BEFORE);
      ClusterModel after = get(run, ScenarioKeys.AFTER);
      if (before == null || after == null) {
        return missing("sample before and at the end");
      }
      double bytesBefore = maxOverMean(before, Goal.NETWORK_IN);
      double bytesAfter = maxOverMean(after, Goal.NETWORK_IN);
      return verdict(
          bytesAfter <= Math.max(BALANCED_AFTER, bytesBefore + 0.05),
          String.format(Locale.ROOT, "network-in max/mean %.2f -> %.2f", bytesBefore, bytesAfter));
    }
  }

  /** The producers' p99 is back under the injected latency at the end (slow-node). */
  static final class LatencyRecovers extends ScenarioChecker {
    LatencyRecovers() {
      super("produce-latency-recovery", "produce p99 recovers");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      LoadAtEnd load = get(run, ScenarioKeys.LOAD_AT_END);
      ScenarioKeys.Timeline timeline = get(run, ScenarioKeys.TIMELINE);
      if (spec == null || load == null || timeline == null) {
        return missing("producer latency");
      }
      double worst =
          timeline.points().stream()
              .filter(p -> p.seconds() >= 0)
              .mapToDouble(TimelinePoint::produceP99Ms)
              .filter(d -> !Double.isNaN(d))
              .max()
              .orElse(Double.NaN);
      double last = load.produceP99Ms();
      // No load period measured at the end is no recovery: the producers were stuck.
      boolean ok = !Double.isNaN(last) && last < spec.slowLatency().toMillis();
      return verdict(
          ok,
          String.format(
              Locale.ROOT,
              "produce p99 peaked at %.0f ms while broker %d was slow and led partitions; %.0f ms in"
                  + " the last period under load (needs < %d ms)",
              worst,
              spec.target(),
              last,
              spec.slowLatency().toMillis()));
    }
  }

  /** The sampler's messages/s at the end match the load the producers generated. */
  static final class SampledMatchesLoad extends ScenarioChecker {
    SampledMatchesLoad() {
      super("sampled-load", "sampled metrics match the generated load");
    }

    @Override
    Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      ClusterModel after = get(run, ScenarioKeys.AFTER);
      LoadAtEnd load = get(run, ScenarioKeys.LOAD_AT_END);
      if (spec == null || after == null || load == null) {
        return missing("sample at the end");
      }
      double target = spec.producers().stream().mapToDouble(ProducerSpec::messagesPerSecond).sum();
      double sampled =
          after.partitions().stream()
              .filter(p -> p.topic().equals(spec.topic()))
              .mapToDouble(p -> p.load().messagesInPerSec())
              .sum();
      // The known load: the producers' target when they are on schedule, or what they had acked
      // in the load periods within the sampler's window when a stall or a backlog moved them off.
      double acked = load.ackedRateOverWindow();
      double vsTarget = target <= 0 ? 1 : Math.abs(sampled - target) / target;
      double vsAcked = Double.isNaN(acked) || acked <= 0 ? 1 : Math.abs(sampled - acked) / acked;
      double error = Math.min(vsTarget, vsAcked);
      return verdict(
          error <= METRIC_TOLERANCE,
          String.format(
              Locale.ROOT,
              "sampled %.0f msg/s; generated %.0f msg/s target (%.1f%% off), %.0f msg/s"
                  + " acknowledged in the window's load periods (%.1f%% off); needs <= %.0f%%",
              sampled,
              target,
              vsTarget * 100,
              acked,
              vsAcked * 100,
              METRIC_TOLERANCE * 100));
    }
  }

  /** No acknowledged message lost or duplicated, and the consumers drained. */
  static final class Continuity extends ScenarioChecker {
    Continuity() {
      super("continuity", "no message lost or duplicated", Severity.CRITICAL);
    }

    @Override
    Verdict judge(RecordedRun run) {
      WorkloadResult workload = get(run, ScenarioKeys.WORKLOAD);
      if (workload == null || workload.groups().isEmpty()) {
        return missing("consumer group's continuity");
      }
      GroupResult g = workload.groups().get(0);
      var v = g.verdict();
      // A failed send (the cluster never acknowledged it) is not a loss; it is reported.
      boolean ok = v.lost() == 0 && v.duplicated() == 0 && workload.drained();
      return verdict(
          ok,
          String.format(
              Locale.ROOT,
              "produced %d, acked %d, failed %d, consumed %d, lost %d, duplicated %d, reordered"
                  + " %d%s",
              v.produced(),
              v.acked(),
              workload.failed(),
              v.consumed(),
              v.lost(),
              v.duplicated(),
              v.reordered(),
              workload.drained() ? "" : " (consumers did not drain)"));
    }
  }

  /** No plan execution failed or was cancelled. */
  static final class ExecutionsCompleted extends ScenarioChecker {
    ExecutionsCompleted() {
      super("executions-completed", "every execution completed");
    }

    @Override
    Verdict judge(RecordedRun run) {
      Balancing b = get(run, ScenarioKeys.BALANCING);
      if (b == null) {
        return missing("balancing");
      }
      return verdict(
          b.failedExecutions() == 0,
          b.executionStarts().size()
              + " execution(s), "
              + b.failedExecutions()
              + " failed or cancelled");
    }
  }

  /**
   * The run itself: ERROR when it stopped early (its error), PASS when it ran to its end,
   * INCONCLUSIVE when the scenario recorded nothing. The reports say the error in their own words,
   * so they leave this verdict out of their checks.
   */
  static final class Completion implements Checker {
    /** The checker's name. */
    static final String NAME = "scenario";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<Verdict> check(RecordedRun run) {
      String error = run.observation(ScenarioKeys.ERROR).orElse(null);
      if (error != null) {
        return List.of(Verdict.error(NAME, "the scenario stopped early: " + error, error));
      }
      if (run.observation(ScenarioKeys.SPEC).isEmpty()) {
        return List.of(Verdict.inconclusive(NAME, "the scenario did not finish", "no result"));
      }
      String stopped = run.observation(ScenarioKeys.STOPPED).orElse(null);
      if (stopped != null) {
        return List.of(
            Verdict.inconclusive(NAME, "the scenario was stopped before its end", stopped));
      }
      return List.of(Verdict.pass(NAME, "the scenario ran to its end", "no error"));
    }
  }

  private static String distribution(ScenarioSpec spec, ClusterModel m) {
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
}
