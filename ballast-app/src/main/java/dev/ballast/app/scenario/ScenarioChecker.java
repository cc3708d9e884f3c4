package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * A check of a balancing scenario as a {@link Checker}: a name (for verdicts, alerts and metrics),
 * the property it judges as one line (the report's "check" column), and a pure judgement of the
 * {@link RecordedRun}. A run that stopped early, or lacks an observation the check needs, is
 * INCONCLUSIVE.
 */
abstract class ScenarioChecker implements Checker {

  private final String name;
  private final String title;
  private final Severity failSeverity;

  /** Creates a check named {@code name} judging {@code title}; its FAILs are ERROR (an SLA). */
  ScenarioChecker(String name, String title) {
    this(name, title, Severity.ERROR);
  }

  /** Creates a check whose FAILs have {@code failSeverity} (CRITICAL for lost data). */
  ScenarioChecker(String name, String title, Severity failSeverity) {
    this.name = requireNonNull(name, "name");
    this.title = requireNonNull(title, "title");
    this.failSeverity = requireNonNull(failSeverity, "failSeverity");
  }

  @Override
  public final String name() {
    return name;
  }

  /** Returns the name, so test reports and logs show which check it is. */
  @Override
  public String toString() {
    return name;
  }

  /** Returns the property judged, in one line. */
  final String title() {
    return title;
  }

  @Override
  public List<Verdict> check(RecordedRun run) {
    Optional<String> error = run.observation(ScenarioKeys.ERROR);
    if (error.isPresent()) {
      return List.of(
          Verdict.inconclusive(name, title, "the scenario stopped early: " + error.get()));
    }
    Verdict v = judge(run);
    Optional<String> stopped = run.observation(ScenarioKeys.STOPPED);
    if (stopped.isPresent() && v.outcome() == Outcome.FAIL && v.severity() != Severity.CRITICAL) {
      // What a stop cut short is not the cluster's failure; lost or duplicated data still is.
      return List.of(
          Verdict.inconclusive(
              name, title, "the scenario was " + stopped.get() + "; " + v.evidence()));
    }
    return List.of(v);
  }

  /** Returns the verdict on a run that ran to its end. */
  abstract Verdict judge(RecordedRun run);

  /** Returns {@code key}'s observation in {@code run}, or null. */
  static <T> T get(RecordedRun run, ObservationKey<T> key) {
    return run.observation(key).orElse(null);
  }

  /** Returns PASS when {@code ok}, else FAIL, with {@code evidence}. */
  final Verdict verdict(boolean ok, String evidence) {
    return ok
        ? Verdict.pass(name, title, evidence)
        : Verdict.fail(name, failSeverity, title, evidence);
  }

  /** Returns INCONCLUSIVE: {@code what} was not observed. */
  final Verdict missing(String what) {
    return Verdict.inconclusive(name, title, "no " + what + " was recorded");
  }
}
