package dev.ballast.app.task.builtin;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * Time-based: the fresh group read the whole backlog within the deadline (an SLA: ERROR if not).
 */
public final class CatchUpCheck implements Checker {

  /** The checker's name. */
  public static final String NAME = "catch-up-deadline";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Verdict> check(RecordedRun run) {
    CatchUp c = run.observation(CatchUp.KEY).orElse(null);
    if (c == null || c.backlogMessages() == 0) {
      return List.of(
          Verdict.inconclusive(NAME, "no backlog was built and read", "nothing measured"));
    }
    String evidence =
        String.format(
            Locale.ROOT,
            "backlog %d messages, %.1f MB built in %.1f s; read for %.1f s (%.1f MB/s, %.0f records/s); deadline %s",
            c.backlogMessages(),
            c.backlogBytes() / 1e6,
            c.buildSeconds(),
            c.readSeconds(),
            c.megabytesPerSecond(),
            c.recordsPerSecond(),
            c.deadline());
    if (!c.finished() || c.readSeconds() > c.deadline().toNanos() / 1e9) {
      return List.of(
          Verdict.fail(
              NAME, Severity.ERROR, "the backlog was not read within " + c.deadline(), evidence));
    }
    return List.of(
        Verdict.pass(
            NAME,
            String.format(
                Locale.ROOT,
                "backlog read in %.1f s (%.1f MB/s)",
                c.readSeconds(),
                c.megabytesPerSecond()),
            evidence));
  }
}
