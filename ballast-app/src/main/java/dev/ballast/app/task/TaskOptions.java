package dev.ballast.app.task;

/**
 * Marathon-wide settings a {@link TaskType} may use when it creates a task.
 *
 * @param quick {@code --quick}: smaller sizes and shorter phases (CI, a first look)
 * @param externalBalancer {@code --balancer external}: another balancer moves partitions; tasks
 *     judge, never move
 */
public record TaskOptions(boolean quick, boolean externalBalancer) {

  /** Full-size runs with Ballast's own balancer. */
  public static final TaskOptions DEFAULTS = new TaskOptions(false, false);
}
