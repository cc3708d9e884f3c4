package dev.ballast.app.task;

import java.util.List;

/** How the runner turns a checker's work into verdicts, whatever the checker does. */
public final class Judging {

  private Judging() {}

  /**
   * Returns {@code checker}'s verdicts on {@code run}: ERROR when it throws, INCONCLUSIVE for none.
   */
  public static List<Verdict> judge(Checker checker, RecordedRun run) {
    String name;
    try {
      name = checker.name();
    } catch (RuntimeException e) {
      name = checker.getClass().getSimpleName();
    }
    try {
      List<Verdict> verdicts = checker.check(run);
      if (verdicts == null || verdicts.isEmpty()) {
        return List.of(
            Verdict.inconclusive(name, "the checker gave no verdict", "no verdict returned"));
      }
      return List.copyOf(verdicts);
    } catch (RuntimeException e) {
      return List.of(Verdict.error(name, "the checker threw " + e, String.valueOf(e.getCause())));
    }
  }

  /**
   * Returns {@code v} as INCONCLUSIVE when it is a FAIL: a run cut short by a stop or by the
   * infrastructure says nothing reliable about the cluster.
   */
  static Verdict downgrade(Verdict v, String why) {
    if (v.outcome() != Outcome.FAIL) {
      return v;
    }
    return Verdict.inconclusive(
        v.checker(),
        "would be FAIL (" + v.summary() + ") but the run was cut short: " + why,
        v.evidence());
  }
}
