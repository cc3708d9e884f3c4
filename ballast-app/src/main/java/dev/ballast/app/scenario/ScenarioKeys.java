package dev.ballast.app.scenario;

import dev.ballast.app.task.ObservationKey;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.workload.worker.WorkloadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a balancing scenario records in its {@link dev.ballast.app.task.RecordedRun}: the typed keys
 * its checkers judge and its reports read, and the small values stored under them. A key that is
 * absent means nothing was observed (a checker that needs it is INCONCLUSIVE).
 */
final class ScenarioKeys {

  /** The scenario on the cluster's broker ids. */
  public static final ObservationKey<ScenarioSpec> SPEC =
      ObservationKey.of("scenario.spec", ScenarioSpec.class);

  /** The scenario's results folder. */
  public static final ObservationKey<Path> DIR = ObservationKey.of("scenario.dir", Path.class);

  /** Why the run stopped early; absent when it ran to its end. */
  public static final ObservationKey<String> ERROR =
      ObservationKey.of("scenario.error", String.class);

  /** Why the run ended before its end with the load run (a stop signal, a timeout); absent else. */
  public static final ObservationKey<String> STOPPED =
      ObservationKey.of("scenario.stopped", String.class);

  /** The duration of each phase. */
  public static final ObservationKey<PhaseSeconds> PHASES =
      ObservationKey.of("scenario.phases", PhaseSeconds.class);

  /** The cluster (with load) before the first execution. */
  public static final ObservationKey<ClusterModel> BEFORE =
      ObservationKey.of("scenario.before", ClusterModel.class);

  /** The cluster at the end, taken under load. */
  public static final ObservationKey<ClusterModel> AFTER =
      ObservationKey.of("scenario.after", ClusterModel.class);

  /** The per-broker samples. */
  public static final ObservationKey<Timeline> TIMELINE =
      ObservationKey.of("scenario.timeline", Timeline.class);

  /** The load's result (continuity, counts, latency); absent when the load did not drain. */
  public static final ObservationKey<WorkloadResult> WORKLOAD =
      ObservationKey.of("scenario.workload", WorkloadResult.class);

  /** The figures of the balancing: trigger, convergence, executions and what they moved. */
  public static final ObservationKey<Balancing> BALANCING =
      ObservationKey.of("scenario.balancing", Balancing.class);

  /** The producers' figures at the end, against which the sampled load is judged. */
  public static final ObservationKey<LoadAtEnd> LOAD_AT_END =
      ObservationKey.of("scenario.load-at-end", LoadAtEnd.class);

  /** What the detector reported, timestamped. */
  public static final ObservationKey<Anomalies> ANOMALIES =
      ObservationKey.of("scenario.anomalies", Anomalies.class);

  /** What the capacity scenario's fix did and found. */
  public static final ObservationKey<CapacityChecks.Evidence> CAPACITY =
      ObservationKey.of("scenario.capacity", CapacityChecks.Evidence.class);

  /** What is wrong with the fix files the capacity scenario wrote. */
  public static final ObservationKey<FileProblems> FIX_FILES =
      ObservationKey.of("scenario.fix-files", FileProblems.class);

  /** The charts the reports rendered and which of them are not valid PNGs. */
  public static final ObservationKey<Charts> CHARTS =
      ObservationKey.of("scenario.charts", Charts.class);

  /** The result files missing from the results folder once the reports were written. */
  public static final ObservationKey<FileProblems> RESULT_FILES =
      ObservationKey.of("scenario.result-files", FileProblems.class);

  private ScenarioKeys() {}

  /**
   * The duration of each phase, in the order they ran.
   *
   * @param seconds phase name to seconds
   */
  public record PhaseSeconds(Map<String, Double> seconds) {
    /** Copies, keeping the order. */
    public PhaseSeconds {
      seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
    }
  }

  /**
   * The per-broker samples of a run.
   *
   * @param points one per broker per sample, in time order
   */
  public record Timeline(List<TimelinePoint> points) {
    /** Copies. */
    public Timeline {
      points = List.copyOf(points);
    }
  }

  /**
   * The figures of the balancing.
   *
   * @param triggerSeconds when the trigger fired (seconds since the load started, 0 for none)
   * @param convergenceSeconds from the trigger to the expected end, or null when not reached
   * @param moves replica moves executed
   * @param leaderChanges leadership-only changes executed
   * @param bytesMoved bytes the executed plans copied
   * @param executionStarts when executions started (seconds since the load started)
   * @param failedExecutions executions that failed or were cancelled
   */
  public record Balancing(
      double triggerSeconds,
      Double convergenceSeconds,
      int moves,
      int leaderChanges,
      long bytesMoved,
      List<Double> executionStarts,
      int failedExecutions) {
    /** Copies. */
    public Balancing {
      executionStarts = List.copyOf(executionStarts);
    }
  }

  /**
   * The producers' figures at the end of the load.
   *
   * @param produceP99Ms the producers' p99 in the last load period under load (ms, NaN: none)
   * @param ackedRateOverWindow messages/s acknowledged within the sampler's last window (NaN:
   *     unknown)
   */
  public record LoadAtEnd(double produceP99Ms, double ackedRateOverWindow) {}

  /**
   * What the detector reported.
   *
   * @param lines one per anomaly, timestamped
   */
  public record Anomalies(List<String> lines) {
    /** Copies. */
    public Anomalies {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Files checked at the edge, and what is wrong with them.
   *
   * @param checked the files looked at, relative to the results folder
   * @param problems one line per missing, empty or wrong file; empty when all are fine
   */
  public record FileProblems(List<String> checked, List<String> problems) {
    /** Copies. */
    public FileProblems {
      checked = List.copyOf(checked);
      problems = List.copyOf(problems);
    }
  }

  /**
   * The charts the reports rendered.
   *
   * @param files the chart files, relative to the results folder
   * @param invalid those that are not valid non-empty PNGs
   */
  public record Charts(List<String> files, List<String> invalid) {
    /** Copies. */
    public Charts {
      files = List.copyOf(files);
      invalid = List.copyOf(invalid);
    }
  }
}
