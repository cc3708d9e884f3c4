package dev.ballast.app.task;

/**
 * A kind of task the marathon YAML can name ({@code type: catch-up-read}), found with {@link
 * java.util.ServiceLoader}: list the implementing class in {@code
 * META-INF/services/dev.ballast.app.task.TaskType}; it needs a public no-argument constructor.
 *
 * <p>The YAML entry's {@code config:} block is bound to {@link #configType()} with unknown fields
 * rejected (file, line and field in the message). A missing block binds as {@code {}}, so the
 * config record's compact constructor must turn null components into their defaults and throw
 * {@link IllegalArgumentException} with a one-line reason for bad values.
 *
 * @param <C> the task's config record
 */
public interface TaskType<C> {

  /** Returns the name used in the YAML: lower-case with dashes ({@code catch-up-read}). */
  String name();

  /** Returns one line for {@code --help} and the docs. */
  String description();

  /** Returns the config record's class. */
  Class<C> configType();

  /** Returns a task for one run with {@code config}; called once per round. */
  Task create(C config, TaskOptions options);
}
