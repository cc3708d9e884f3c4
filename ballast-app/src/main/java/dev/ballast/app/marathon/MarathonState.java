package dev.ballast.app.marathon;

import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What {@code GET /api/marathon} and the marathon view show: now, recent runs, alerts firing. */
final class MarathonState implements MarathonListener {

  private static final int RECENT = 50;

  private final Supplier<List<Alert>> firing;
  private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
  private int round;
  private String task;
  private String phase;
  private int runs;
  private int passed;
  private boolean ended;

  /** Creates the state; {@code firing} gives the alerts firing now (empty without alerts). */
  MarathonState(Supplier<List<Alert>> firing) {
    this.firing = firing;
  }

  @Override
  public synchronized void taskStarted(int r, String t, String type) {
    round = r;
    task = t;
  }

  @Override
  public synchronized void phase(String t, TaskPhase p) {
    phase = p == null ? null : p.label();
  }

  @Override
  public synchronized void taskEnded(TaskResult result) {
    runs++;
    passed += result.outcome() == Outcome.PASS ? 1 : 0;
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("round", result.run().round());
    run.put("task", result.run().task());
    run.put("outcome", result.outcome().name());
    run.put("seconds", Math.round(result.seconds() * 10) / 10.0);
    List<Map<String, String>> verdicts = new ArrayList<>();
    for (Verdict v : result.verdicts()) {
      verdicts.add(
          Map.of(
              "checker",
              v.checker(),
              "outcome",
              v.outcome().name(),
              "severity",
              v.severity().label(),
              "summary",
              v.summary()));
    }
    run.put("verdicts", verdicts);
    recent.addFirst(run);
    while (recent.size() > RECENT) {
      recent.removeLast();
    }
    task = null;
  }

  @Override
  public synchronized void marathonEnded() {
    ended = true;
    task = null;
    phase = null;
  }

  /** Returns the JSON object of {@code GET /api/marathon}. */
  synchronized Map<String, Object> view() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("round", round);
    m.put("task", task);
    m.put("phase", phase);
    m.put("ended", ended);
    m.put("runs", runs);
    m.put("passed", passed);
    m.put("recent", List.copyOf(recent));
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Alert a : firing.get()) {
      alerts.add(
          Map.of(
              "labels",
              a.labels(),
              "summary",
              a.annotations().getOrDefault("summary", ""),
              "startsAt",
              a.startsAt().toString()));
    }
    m.put("alerts", alerts);
    return m;
  }
}
