package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The task and checker types the YAML can name: those registered with {@link ServiceLoader} (and,
 * in tests, any given directly).
 */
public final class TaskCatalog {

  private final Map<String, TaskType<?>> tasks;
  private final Map<String, CheckerType<?>> checkers;

  /** Creates a catalog of exactly these types; names must be unique. */
  public TaskCatalog(
      Collection<? extends TaskType<?>> tasks, Collection<? extends CheckerType<?>> checkers) {
    this.tasks = new TreeMap<>();
    for (TaskType<?> t : tasks) {
      put(this.tasks, t.name(), t, "task type");
    }
    this.checkers = new TreeMap<>();
    for (CheckerType<?> c : checkers) {
      put(this.checkers, c.name(), c, "checker type");
    }
  }

  /** Returns the types registered in {@code META-INF/services} on the class path. */
  @SuppressWarnings("rawtypes")
  public static TaskCatalog load() {
    List<TaskType<?>> tasks =
        ServiceLoader.load(TaskType.class).stream().<TaskType<?>>map(p -> p.get()).toList();
    List<CheckerType<?>> checkers =
        ServiceLoader.load(CheckerType.class).stream().<CheckerType<?>>map(p -> p.get()).toList();
    return new TaskCatalog(tasks, checkers);
  }

  /** Returns the task type named {@code name}, or null. */
  public TaskType<?> task(String name) {
    return tasks.get(requireNonNull(name, "name"));
  }

  /** Returns the checker type named {@code name}, or null. */
  public CheckerType<?> checker(String name) {
    return checkers.get(requireNonNull(name, "name"));
  }

  /** Returns the task type names, sorted. */
  public List<String> taskNames() {
    return List.copyOf(tasks.keySet());
  }

  /** Returns the checker type names, sorted. */
  public List<String> checkerNames() {
    return List.copyOf(checkers.keySet());
  }

  private static <T> void put(Map<String, T> map, String name, T value, String what) {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          what + " name must be lower-case letters, digits and dashes, got '" + name + "'");
    }
    T old = map.putIfAbsent(name, value);
    if (old != null) {
      throw new IllegalArgumentException(
          "two "
              + what
              + "s are named '"
              + name
              + "': "
              + old.getClass().getName()
              + " and "
              + value.getClass().getName());
    }
  }
}
