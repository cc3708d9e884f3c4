package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a task may take: the whole of prepare, warm-up and workload together, and each phase
 * (cleanup has its own limit on top of the task's, so it always gets its time).
 *
 * @param task the longest from the start of prepare to the end of workload
 * @param phases the longest for each phase; a phase not listed is limited by the task only
 *     (cleanup: {@link #DEFAULT_CLEANUP})
 */
public record TaskLimits(Duration task, Map<TaskPhase, Duration> phases) {

  /** The task limit when the YAML gives none. */
  public static final Duration DEFAULT_TASK = Duration.ofMinutes(30);

  /** The cleanup limit when the YAML gives none. */
  public static final Duration DEFAULT_CLEANUP = Duration.ofMinutes(2);

  /** The defaults: 30 min per task, 2 min for cleanup. */
  public static final TaskLimits DEFAULTS = new TaskLimits(DEFAULT_TASK, Map.of());

  /** Validates and copies. */
  public TaskLimits {
    requireNonNull(task, "task");
    requirePositive("timeout", task);
    Map<TaskPhase, Duration> copy = new EnumMap<>(TaskPhase.class);
    phases.forEach(
        (p, d) -> {
          requirePositive("phaseTimeouts." + p.label(), d);
          copy.put(p, d);
        });
    phases = Map.copyOf(copy);
  }

  /** Returns the limit of {@code phase} alone, or null when only the task's limit applies. */
  public Duration phase(TaskPhase phase) {
    Duration d = phases.get(phase);
    return d == null && phase == TaskPhase.CLEANUP ? DEFAULT_CLEANUP : d;
  }

  private static void requirePositive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be > 0, got " + d);
    }
  }
}
