package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

/**
 * A worker's heartbeat (key: the worker id): which process ({@code sessionId}, new at every start),
 * which run epoch and revision it has applied, in which phase, and whether its producers run.
 */
public record WorkerStatus(
    String workerId,
    long sessionId,
    long epoch,
    long revision,
    RunPhase phase,
    boolean producing,
    long wallMillis) {

  /** Validates. */
  public WorkerStatus {
    requireNonNull(workerId, "workerId");
  }
}
