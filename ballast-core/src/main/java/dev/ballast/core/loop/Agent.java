package dev.ballast.core.loop;

/** One step of a long-running job; an {@link AgentRunner} owns the thread and the loop. */
public interface Agent {

  /** Does a bounded amount of work and returns how much (0: nothing to do). */
  int doWork() throws Exception;

  /** Returns how many nanoseconds until there is work again ({@link Long#MAX_VALUE}: unknown). */
  default long nanosUntilWork() {
    return Long.MAX_VALUE;
  }

  /** Returns whether the job is complete; the runner then stops calling {@link #doWork()}. */
  default boolean isDone() {
    return false;
  }

  /** Releases the agent's resources; called once, on the agent's thread, after the last step. */
  default void onClose() {}

  /** Returns a short name for the agent's thread and errors. */
  String roleName();
}
