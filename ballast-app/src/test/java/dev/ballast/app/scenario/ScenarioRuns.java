package dev.ballast.app.scenario;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.WorkloadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded scenario runs built by hand for the checkers' and reports' tests: a good traffic-based
 * run (every check PASS) and ways to break or empty it, one observation at a time.
 */
final class ScenarioRuns {

  static final ScenarioSpec TRAFFIC = Scenarios.trafficBased(true);
  static final String TOPIC = TRAFFIC.topic();

  /** 6 partitions placed 4-1-1: bytes and messages skewed. */
  static final ClusterModel BEFORE = model(500, 0, 0, 0, 0, 1, 2);

  /** 6 partitions placed 2-2-2: balanced. */
  static final ClusterModel AFTER = model(500, 0, 0, 1, 1, 2, 2);

  private final Map<String, Object> observations = new LinkedHashMap<>();

  private ScenarioRuns() {}

  /** 3 brokers, the scenario's partitions on {@code placement}, {@code msgs} msg/s each. */
  static ClusterModel model(double msgs, int... placement) {
    List<Broker> brokers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      brokers.add(new Broker(i, null, BrokerState.ALIVE, null));
    }
    List<Partition> partitions = new ArrayList<>();
    for (int p = 0; p < placement.length; p++) {
      partitions.add(
          Partition.of(
              TOPIC,
              p,
              List.of(placement[p]),
              new PartitionLoad(msgs * 1000, msgs * 1000, msgs, 1)));
    }
    return ClusterModel.of(brokers, partitions);
  }

  /** Returns a workload result of 90,000 messages with {@code lost} and {@code duplicated}. */
  static WorkloadResult workload(long lost, long duplicated, boolean drained) {
    LatencySummary none = LatencySummary.EMPTY;
    ContinuityVerdict v =
        new ContinuityVerdict(
            90_000, 90_000, 0, 90_000 - lost, lost, duplicated, 0, 0, true, List.of());
    return new WorkloadResult(
        "traffic-based",
        30,
        90_000,
        90_000,
        0,
        90_000 - lost,
        3000.0,
        3000,
        3,
        none,
        none,
        none,
        none,
        List.of(new GroupResult("traffic-based-check", TOPIC, 1, v, 0, 100)),
        drained,
        List.of());
  }

  /** Returns the balancing figures of a run that converged 12.5 s after the trigger. */
  static ScenarioKeys.Balancing balancing(Double convergence, int executions, int failed) {
    List<Double> starts = new ArrayList<>();
    for (int i = 0; i < executions; i++) {
      starts.add(10.0 + i);
    }
    return new ScenarioKeys.Balancing(0, convergence, 2, 1, 2_000_000, starts, failed);
  }

  /** Returns a timeline of two samples of three brokers. */
  static ScenarioKeys.Timeline timeline() {
    List<TimelinePoint> points = new ArrayList<>();
    for (double t : new double[] {0, 5}) {
      for (int b = 0; b < 3; b++) {
        points.add(new TimelinePoint(t, b, 2, 2, 1e6 * (b + 1), 1e6, 1000, 3.0 + b, 20));
      }
    }
    return new ScenarioKeys.Timeline(points);
  }

  /** Returns the observations of a good run of {@code spec} in {@code dir}. */
  static ScenarioRuns good(ScenarioSpec spec, Path dir) {
    ScenarioRuns r = new ScenarioRuns();
    return r.with(ScenarioKeys.SPEC, spec)
        .with(ScenarioKeys.DIR, dir)
        .with(ScenarioKeys.PHASES, new ScenarioKeys.PhaseSeconds(Map.of("prepare", 1.0)))
        .with(ScenarioKeys.BEFORE, BEFORE)
        .with(ScenarioKeys.AFTER, AFTER)
        .with(ScenarioKeys.TIMELINE, timeline())
        .with(ScenarioKeys.WORKLOAD, workload(0, 0, true))
        .with(ScenarioKeys.BALANCING, balancing(12.5, 1, 0))
        .with(ScenarioKeys.LOAD_AT_END, new ScenarioKeys.LoadAtEnd(20, 3000))
        .with(ScenarioKeys.ANOMALIES, new ScenarioKeys.Anomalies(List.of("5.0 s: skew")))
        .with(
            ScenarioKeys.CHARTS, new ScenarioKeys.Charts(List.of("charts/bytes-in.png"), List.of()))
        .with(
            ScenarioKeys.RESULT_FILES,
            new ScenarioKeys.FileProblems(ReportWriter.FILES, List.of()));
  }

  /** Returns the observations of a good traffic-based run. */
  static ScenarioRuns good() {
    return good(TRAFFIC, Path.of("results", "traffic-based-x"));
  }

  /** Records (or replaces) {@code value} under {@code key}. */
  <T> ScenarioRuns with(ObservationKey<T> key, T value) {
    observations.put(key.name(), value);
    return this;
  }

  /** Removes what {@code key} recorded. */
  ScenarioRuns without(ObservationKey<?> key) {
    observations.remove(key.name());
    return this;
  }

  /** Returns the recorded run. */
  RecordedRun run() {
    return new RecordedRun(
        "traffic-based",
        "scenario",
        1,
        RunEnd.COMPLETED,
        "",
        List.of(),
        observations,
        List.of(),
        List.of());
  }

  /** Returns {@code checker}'s one verdict on this run. */
  Verdict judge(Checker checker) {
    List<Verdict> v = checker.check(run());
    if (v.size() != 1) {
      throw new AssertionError(checker.name() + " gave " + v.size() + " verdicts: " + v);
    }
    return v.get(0);
  }
}
