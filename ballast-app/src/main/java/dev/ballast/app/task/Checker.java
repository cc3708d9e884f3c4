package dev.ballast.app.task;

import java.util.List;

/**
 * Judges a recorded task run: a pure function of the {@link RecordedRun} (no clock, no cluster, no
 * I/O), so a unit test can feed it a broken run and see FAIL. The seed's families: client-side
 * (continuity, transaction isolation), server-side (traffic thresholds, load balance) and
 * time-based (backlog drained within N, task timeout).
 *
 * <p>Rules: missing observations (the run ended early, the task recorded nothing) give
 * INCONCLUSIVE, never PASS; data lost, duplicated or wrongly read is FAIL with {@link
 * Severity#CRITICAL}; a missed SLA is FAIL with {@link Severity#ERROR}. A checker that throws is
 * turned into an ERROR verdict by the runner.
 */
public interface Checker {

  /** Returns the checker's name, used in verdicts, alerts ({@code checker} label) and metrics. */
  String name();

  /** Returns the verdicts on {@code run}: at least one. */
  List<Verdict> check(RecordedRun run);
}
