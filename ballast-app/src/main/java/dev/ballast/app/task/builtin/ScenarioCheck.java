package dev.ballast.app.task.builtin;

import dev.ballast.app.scenario.Check;
import dev.ballast.app.scenario.ScenarioResult;
import dev.ballast.app.task.Checker;
import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A demo scenario's checks as verdicts: each check is one verdict named after it; a failed check
 * about lost or duplicated messages is CRITICAL, any other failed check an ERROR (the balancing
 * SLA); a scenario that stopped early is an ERROR verdict of its own.
 */
public final class ScenarioCheck implements Checker {

  /** The key the scenario task records its result under. */
  public static final ObservationKey<ScenarioResult> KEY =
      ObservationKey.of("scenario", ScenarioResult.class);

  /** The checker's name. */
  public static final String NAME = "scenario";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Verdict> check(RecordedRun run) {
    ScenarioResult r = run.observation(KEY).orElse(null);
    if (r == null) {
      return List.of(Verdict.inconclusive(NAME, "the scenario did not finish", "no result"));
    }
    List<Verdict> out = new ArrayList<>();
    for (Check c : r.checks()) {
      String checker =
          c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      if (c.passed()) {
        out.add(Verdict.pass(checker, c.name(), c.evidence()));
      } else {
        boolean data =
            c.name().contains("lost")
                || c.name().contains("duplicat")
                || c.evidence().contains("lost");
        out.add(
            Verdict.fail(
                checker, data ? Severity.CRITICAL : Severity.ERROR, c.name(), c.evidence()));
      }
    }
    if (r.error() != null) {
      out.add(Verdict.error(NAME, "the scenario stopped early: " + r.error(), r.error()));
    }
    if (out.isEmpty()) {
      out.add(Verdict.inconclusive(NAME, "the scenario checked nothing", "no checks"));
    }
    return out;
  }
}
