package dev.ballast.app.task;

import java.util.ArrayList;
import java.util.List;

/** The verdicts on a recorded run, as a {@link TaskRunner} reaches and announces them. */
final class RunVerdicts {

  private RunVerdicts() {}

  /**
   * Returns the runner's verdicts, then each checker's on {@code run}; a FAIL of a run cut short by
   * a stop or by the infrastructure becomes INCONCLUSIVE ("would be FAIL").
   */
  static List<Verdict> judge(
      List<Verdict> runnerVerdicts, List<Checker> checkers, RecordedRun run) {
    List<Verdict> verdicts = new ArrayList<>(runnerVerdicts);
    for (Checker c : checkers) {
      verdicts.addAll(Judging.judge(c, run));
    }
    if (run.end() == RunEnd.STOPPED || run.end() == RunEnd.INFRASTRUCTURE_FAILED) {
      verdicts.replaceAll(v -> Judging.downgrade(v, run.endDetail()));
    }
    return verdicts;
  }

  /** Emits one event per verdict and one for the task's end with its {@code outcome}. */
  static void tell(RunContext context, List<Verdict> verdicts, Outcome outcome) {
    for (Verdict v : verdicts) {
      context.emit(EventKind.VERDICT, v.severity(), v.checker(), v.outcome() + ": " + v.summary());
    }
    context.emit(
        EventKind.TASK,
        outcome == Outcome.PASS ? Severity.INFO : Severity.WARNING,
        null,
        "task " + context.taskName() + " ended: " + outcome);
  }
}
