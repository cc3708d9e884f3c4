package dev.ballast.app.task;

import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.Worker;
import java.nio.file.Path;

/**
 * Everything a task may use while the runner drives it: the cluster, workers to run load on, the
 * clock, its results folder, the event log, and where to put what it observed for its checkers. One
 * context per task run; the runner closes what it handed out (workers) after cleanup.
 */
public interface TaskContext {

  /** Returns the task's name in the YAML ({@code catch-up-read}, or the name given there). */
  String taskName();

  /** Returns the marathon round, 1 for the first. */
  int round();

  /** Returns a number unique to this run, for topic and group names that must not collide. */
  long runId();

  /** Returns whether the marathon runs with {@code --quick} (smaller sizes, shorter phases). */
  boolean quick();

  /** Returns the cluster under test. */
  TaskCluster cluster();

  /**
   * Returns a new worker to run load on (today a {@code LocalWorker}, later remote ones); the
   * runner closes it after cleanup, so a task need not.
   */
  Worker newWorker();

  /** Returns the clock every time in the task must be read from. */
  NanoClock clock();

  /** Returns this run's folder ({@code results/marathon-<stamp>/<round>-<task>/}), created. */
  Path resultsDir();

  /** Records an event of {@code kind} at {@code severity} in the current phase. */
  void event(EventKind kind, Severity severity, String message);

  /** Records an INFO {@link EventKind#NOTE}. */
  default void note(String message) {
    event(EventKind.NOTE, Severity.INFO, message);
  }

  /** Stores {@code value} under {@code key} for the checkers; a second put replaces the first. */
  <T> void record(ObservationKey<T> key, T value);

  /** Records a key figure of this run (trend, chart, metric); a second one of a name replaces. */
  void figure(Figure figure);

  /**
   * Returns whether the runner wants the current phase to end now (Ctrl-C, SIGTERM, a timeout): a
   * phase that loops inside one step must check it and return; the runner then goes to cleanup.
   */
  boolean stopRequested();

  /** Returns the Kafka client settings of the cluster (bootstrap servers, --command-config). */
  default java.util.Map<String, Object> clientConfig() {
    java.util.Map<String, Object> config = new java.util.HashMap<>();
    cluster().client().toProperties().forEach((k, v) -> config.put(String.valueOf(k), v));
    return config;
  }
}
