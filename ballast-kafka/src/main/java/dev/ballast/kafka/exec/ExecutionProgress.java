package dev.ballast.kafka.exec;

import java.util.List;
import java.util.Optional;

/**
 * Where an execution stands.
 *
 * @param phase the executor's phase
 * @param total partitions in the plan
 * @param skipped partitions already at their target, or left alone (someone else reassigns them)
 * @param pending partitions not started yet
 * @param inFlight partitions being reassigned now
 * @param done partitions at their target
 * @param failed partitions whose reassignment the cluster refused
 * @param bytesTotal bytes the plan copies, when known
 * @param bytesDone bytes of completed moves
 * @param notes what happened that a user should know (foreign reassignments, failures)
 * @param guard the latency guard's last decision, empty without a guard
 */
public record ExecutionProgress(
    ExecutionPhase phase,
    int total,
    int skipped,
    int pending,
    int inFlight,
    int done,
    int failed,
    long bytesTotal,
    long bytesDone,
    List<String> notes,
    Optional<GuardDecision> guard) {

  /** Copies the notes. */
  public ExecutionProgress {
    notes = List.copyOf(notes);
    java.util.Objects.requireNonNull(guard, "guard");
  }

  /** Creates the progress of an execution without a latency guard. */
  public ExecutionProgress(
      ExecutionPhase phase,
      int total,
      int skipped,
      int pending,
      int inFlight,
      int done,
      int failed,
      long bytesTotal,
      long bytesDone,
      List<String> notes) {
    this(
        phase,
        total,
        skipped,
        pending,
        inFlight,
        done,
        failed,
        bytesTotal,
        bytesDone,
        notes,
        Optional.empty());
  }

  /** Returns a one-line progress bar, e.g. {@code [#####.....] 5/10 moved, 2 in flight}. */
  public String bar() {
    int width = 30;
    int work = Math.max(1, total - skipped);
    int filled = (int) Math.round(width * (double) (done + failed) / work);
    return "["
        + "#".repeat(Math.min(width, filled))
        + ".".repeat(Math.max(0, width - filled))
        + "] "
        + done
        + "/"
        + work
        + " done, "
        + inFlight
        + " in flight, "
        + pending
        + " pending"
        + (failed > 0 ? ", " + failed + " failed" : "")
        + " ("
        + phase.label()
        + ")";
  }
}
