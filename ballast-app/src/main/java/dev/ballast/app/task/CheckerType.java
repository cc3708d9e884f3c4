package dev.ballast.app.task;

/**
 * A checker the marathon YAML can add to any task ({@code checkers: [{type: my-check}]}), found
 * with {@link java.util.ServiceLoader} from {@code
 * META-INF/services/dev.ballast.app.task.CheckerType}. Its {@code config:} block is bound to {@link
 * #configType()} as for {@link TaskType}.
 *
 * @param <C> the checker's config record
 */
public interface CheckerType<C> {

  /** Returns the name used in the YAML, lower-case with dashes. */
  String name();

  /** Returns one line for the docs. */
  String description();

  /** Returns the config record's class. */
  Class<C> configType();

  /** Returns a checker with {@code config}. */
  Checker create(C config);
}
