package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One task of a marathon's list: its type and bound config, its limits and the extra checkers the
 * YAML names. It makes a fresh {@link Task} for every round.
 *
 * @param name the task's name, unique in the list
 * @param type the task type
 * @param config the config record bound from the YAML
 * @param limits the task's and its phases' time limits
 * @param checkers the extra checkers named in the YAML, created
 */
public record TaskEntry(
    String name, TaskType<?> type, Object config, TaskLimits limits, List<Checker> checkers) {

  /** Validates and copies. */
  public TaskEntry {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(config, "config");
    requireNonNull(limits, "limits");
    checkers = List.copyOf(checkers);
    if (!type.configType().isInstance(config)) {
      throw new IllegalArgumentException(
          "config of " + name + " is a " + config.getClass().getName() + ", not the type's config");
    }
  }

  /** Returns a new task of this entry for one run. */
  public Task create(TaskOptions options) {
    return createTyped(type, options);
  }

  private <C> Task createTyped(TaskType<C> t, TaskOptions options) {
    return requireNonNull(t.create(t.configType().cast(config), options), t.name() + " task");
  }
}
