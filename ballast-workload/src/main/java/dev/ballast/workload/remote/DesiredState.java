package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The control record for one worker (key: the worker id): everything it should be running in run
 * {@code epoch}. Applying it twice is the same as once; a worker ignores records of an older epoch.
 * {@code revision} grows with every change within the epoch, {@code warmupGeneration} when a
 * warm-up ends, {@code reportRequest} when the controller wants the counters as they were at the
 * wall-clock instant {@code reportAtMillis}.
 */
public record DesiredState(
    long epoch,
    long revision,
    RunPhase phase,
    double rateFactor,
    int warmupGeneration,
    long reportRequest,
    long reportAtMillis,
    long reportIntervalMillis,
    List<ProducerShare> producers,
    List<ConsumerShare> consumers) {

  /** Validates and copies. */
  public DesiredState {
    requireNonNull(phase, "phase");
    if (!(rateFactor > 0) || Double.isInfinite(rateFactor)) {
      throw new IllegalArgumentException("rateFactor must be positive, got " + rateFactor);
    }
    if (reportIntervalMillis <= 0) {
      throw new IllegalArgumentException("reportIntervalMillis must be > 0");
    }
    producers = List.copyOf(producers);
    consumers = List.copyOf(consumers);
  }

  /** Returns this state with {@code phase} and the next revision. */
  public DesiredState withPhase(RunPhase newPhase) {
    return new DesiredState(
        epoch,
        revision + 1,
        newPhase,
        rateFactor,
        warmupGeneration,
        reportRequest,
        reportAtMillis,
        reportIntervalMillis,
        producers,
        consumers);
  }
}
