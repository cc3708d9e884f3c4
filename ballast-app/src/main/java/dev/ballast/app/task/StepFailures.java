package dev.ballast.app.task;

/**
 * What a {@link TaskRunner} makes of a step that threw: the infrastructure's fault or the task's.
 */
final class StepFailures {

  private StepFailures() {}

  /**
   * Returns the verdict on a step of {@code where} that threw {@code t}: INCONCLUSIVE when an
   * {@link InfrastructureException} caused it, ERROR (with the top of the stack) otherwise.
   */
  static Verdict verdict(String where, Throwable t) {
    InfrastructureException infra = infrastructureCause(t);
    if (infra != null) {
      return Verdict.inconclusive(
          "infrastructure", where + ": " + infra.getMessage(), String.valueOf(infra.getCause()));
    }
    return Verdict.error("task", where + " threw " + t, stackTop(t));
  }

  private static InfrastructureException infrastructureCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InfrastructureException e) {
        return e;
      }
    }
    return null;
  }

  private static String stackTop(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? t.toString() : t + " at " + st[0];
  }
}
