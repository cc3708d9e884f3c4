package dev.ballast.app.task.builtin;

import dev.ballast.app.task.ObservationKey;
import dev.ballast.workload.worker.GroupResult;
import java.util.List;

/**
 * What a task's consumer groups read, for {@link ContinuityCheck}: each group's continuity verdict,
 * and whether the groups read to the end (so an acknowledged message not read is lost, not late).
 *
 * @param groups each consumer group's result
 * @param readToEnd whether every group read everything there was to read before it stopped
 * @param why when not, why not ("the deadline of 5m passed")
 */
public record Continuity(List<GroupResult> groups, boolean readToEnd, String why) {

  /** The key tasks record it under. */
  public static final ObservationKey<Continuity> KEY =
      ObservationKey.of("continuity", Continuity.class);

  /** Copies. */
  public Continuity {
    groups = List.copyOf(groups);
    why = why == null ? "" : why;
  }
}
