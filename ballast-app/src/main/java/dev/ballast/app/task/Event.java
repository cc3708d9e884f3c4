package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One line of a run's {@code events.jsonl}, and what alerts are raised from.
 *
 * @param time when it happened (wall clock)
 * @param round the marathon round (1 for the first)
 * @param task the task's name in the YAML
 * @param phase the phase it happened in, or null outside phases
 * @param kind what it is about
 * @param severity how much it matters
 * @param checker the checker for a {@link EventKind#VERDICT}, else null
 * @param message one line for a human
 */
public record Event(
    Instant time,
    int round,
    String task,
    TaskPhase phase,
    EventKind kind,
    Severity severity,
    String checker,
    String message) {

  /** Validates. */
  public Event {
    requireNonNull(time, "time");
    requireNonNull(task, "task");
    requireNonNull(kind, "kind");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
  }
}
