package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

/**
 * A typed name for something a task records during its run (a workload result, the time a partition
 * was leaderless, a list of samples) and a checker reads from the {@link RecordedRun}. Tasks and
 * checkers share the key as a constant; two keys are the same when name and type are.
 *
 * @param name a stable name ({@code catch-up.workload})
 * @param type the class of the value
 * @param <T> the value's type
 */
public record ObservationKey<T>(String name, Class<T> type) {

  /** Validates. */
  public ObservationKey {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  /** Returns a key. */
  public static <T> ObservationKey<T> of(String name, Class<T> type) {
    return new ObservationKey<>(name, type);
  }
}
