package dev.ballast.core.loop;

/** What a loop does when it has no work: spin, yield or park (Agrona's idle strategy). */
@FunctionalInterface
public interface IdleStrategy {

  /**
   * Idles after a duty cycle that did {@code workCount} units of work when the next work is due in
   * {@code nanosUntilDue} nanoseconds (0 or less: due now; {@link Long#MAX_VALUE}: unknown).
   */
  void idle(int workCount, long nanosUntilDue);
}
