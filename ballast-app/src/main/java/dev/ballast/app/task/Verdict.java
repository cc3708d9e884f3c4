package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

/**
 * One judged property of a task run, with the figures that show it.
 *
 * @param checker the name of the checker that judged it (e.g. {@code continuity})
 * @param outcome PASS, FAIL, INCONCLUSIVE or ERROR
 * @param severity how much it matters: INFO for PASS, WARNING for INCONCLUSIVE, ERROR or CRITICAL
 *     for FAIL and ERROR
 * @param summary one line for alerts and the index ("3 acknowledged messages lost")
 * @param evidence the figures behind it ("partition 2: offsets 100-102 acked, never read")
 */
public record Verdict(
    String checker, Outcome outcome, Severity severity, String summary, String evidence) {

  /** Validates: a PASS is INFO, an INCONCLUSIVE is WARNING, a FAIL or ERROR at least ERROR. */
  public Verdict {
    requireNonNull(checker, "checker");
    requireNonNull(outcome, "outcome");
    requireNonNull(severity, "severity");
    requireNonNull(summary, "summary");
    requireNonNull(evidence, "evidence");
    Severity expected =
        switch (outcome) {
          case PASS -> Severity.INFO;
          case INCONCLUSIVE -> Severity.WARNING;
          case FAIL, ERROR -> severity.atLeast(Severity.ERROR) ? severity : Severity.ERROR;
        };
    if (severity != expected) {
      throw new IllegalArgumentException(
          outcome
              + " verdict of "
              + checker
              + " must have severity "
              + expected
              + ", not "
              + severity);
    }
  }

  /** Returns a PASS (severity INFO). */
  public static Verdict pass(String checker, String summary, String evidence) {
    return new Verdict(checker, Outcome.PASS, Severity.INFO, summary, evidence);
  }

  /** Returns a FAIL with {@code severity} ERROR (an SLA missed) or CRITICAL (data). */
  public static Verdict fail(String checker, Severity severity, String summary, String evidence) {
    return new Verdict(checker, Outcome.FAIL, severity, summary, evidence);
  }

  /** Returns an INCONCLUSIVE (severity WARNING): no data, or the infrastructure failed. */
  public static Verdict inconclusive(String checker, String summary, String evidence) {
    return new Verdict(checker, Outcome.INCONCLUSIVE, Severity.WARNING, summary, evidence);
  }

  /** Returns an ERROR (severity ERROR): the task or checker itself broke. */
  public static Verdict error(String checker, String summary, String evidence) {
    return new Verdict(checker, Outcome.ERROR, Severity.ERROR, summary, evidence);
  }

  /** Returns whether this verdict should raise an alert (anything but a PASS). */
  public boolean alerting() {
    return outcome != Outcome.PASS;
  }
}
