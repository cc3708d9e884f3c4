package dev.ballast.app.task.builtin;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.worker.GroupResult;
import java.util.List;

/**
 * Client-side: every acknowledged message was read exactly once, in order, by every consumer group
 * the task recorded in {@link Continuity#KEY}. Lost or duplicated is CRITICAL; reordered is an
 * ERROR; a group that did not read to the end cannot tell lost from late: INCONCLUSIVE (but a
 * duplicate it saw is still CRITICAL).
 */
public final class ContinuityCheck implements Checker {

  /** The checker's name. */
  public static final String NAME = "continuity";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Verdict> check(RecordedRun run) {
    Continuity c = run.observation(Continuity.KEY).orElse(null);
    if (c == null || c.groups().isEmpty()) {
      return List.of(
          Verdict.inconclusive(NAME, "no consumer group was recorded", "nothing to check"));
    }
    long consumed = 0;
    long lost = 0;
    long duplicated = 0;
    long reordered = 0;
    StringBuilder evidence = new StringBuilder();
    for (GroupResult g : c.groups()) {
      ContinuityVerdict v = g.verdict();
      consumed += v.consumed();
      lost += v.lost();
      duplicated += v.duplicated();
      reordered += v.reordered();
      evidence
          .append(evidence.length() == 0 ? "" : "; ")
          .append(g.group())
          .append(": ")
          .append(v.describe());
      if (!v.lostSamples().isEmpty()) {
        evidence
            .append(" (lost e.g. ")
            .append(
                String.join(", ", v.lostSamples().subList(0, Math.min(5, v.lostSamples().size()))))
            .append(")");
      }
    }
    if (duplicated > 0) {
      return List.of(
          Verdict.fail(
              NAME, Severity.CRITICAL, duplicated + " message(s) read twice", evidence.toString()));
    }
    if (lost > 0 && c.readToEnd()) {
      return List.of(
          Verdict.fail(
              NAME,
              Severity.CRITICAL,
              lost + " acknowledged message(s) lost",
              evidence.toString()));
    }
    if (lost > 0) {
      return List.of(
          Verdict.inconclusive(
              NAME,
              lost
                  + " acknowledged message(s) not read, but the read did not reach the end ("
                  + c.why()
                  + ")",
              evidence.toString()));
    }
    if (reordered > 0) {
      return List.of(
          Verdict.fail(
              NAME, Severity.ERROR, reordered + " message(s) out of order", evidence.toString()));
    }
    if (consumed == 0) {
      return List.of(Verdict.inconclusive(NAME, "no message was read", evidence.toString()));
    }
    return List.of(
        Verdict.pass(NAME, consumed + " message(s), each read exactly once", evidence.toString()));
  }
}
