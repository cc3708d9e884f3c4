package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import dev.ballast.workload.rate.NanoClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns verdicts into alerts: every verdict that is not a PASS fires one alert per task, checker
 * and severity; it is re-sent while it stays active (Alertmanager forgets an alert that is not
 * re-sent within its resolve timeout), and resolved (with {@code endsAt}) when the task's next run
 * no longer gives it.
 */
final class Alerts implements MarathonListener {

  /** How often active alerts are re-sent. */
  static final Duration RESEND = Duration.ofMinutes(1);

  private record Key(String task, String checker, String severity) {}

  private final String cluster;
  private final List<AlertSender> senders;
  private final NanoClock clock;
  private final InstantSource wall;
  private final Consumer<String> log;
  private final Map<Key, Alert> active = new LinkedHashMap<>();
  private long lastSent = Long.MIN_VALUE;
  private final Map<String, String> lastFailure = new LinkedHashMap<>();

  Alerts(
      String cluster,
      List<AlertSender> senders,
      NanoClock clock,
      InstantSource wall,
      Consumer<String> log) {
    this.cluster = requireNonNull(cluster, "cluster");
    this.senders = List.copyOf(senders);
    this.clock = requireNonNull(clock, "clock");
    this.wall = requireNonNull(wall, "wall");
    this.log = requireNonNull(log, "log");
  }

  /** Returns the alerts firing now. */
  synchronized List<Alert> active() {
    return List.copyOf(active.values());
  }

  @Override
  public synchronized void taskEnded(TaskResult result) {
    String task = result.run().task();
    Instant now = wall.instant();
    Map<Key, Verdict> firing = new LinkedHashMap<>();
    for (Verdict v : result.verdicts()) {
      if (v.alerting()) {
        firing.putIfAbsent(new Key(task, v.checker(), v.severity().label()), v);
      }
    }
    List<Alert> batch = new ArrayList<>();
    active
        .entrySet()
        .removeIf(
            e -> {
              if (e.getKey().task().equals(task) && !firing.containsKey(e.getKey())) {
                batch.add(e.getValue().resolvedAt(now));
                return true;
              }
              return false;
            });
    firing.forEach(
        (k, v) -> {
          Alert previous = active.get(k);
          Alert a = alert(k, v, previous == null ? now : previous.startsAt(), result.run().round());
          active.put(k, a);
          batch.add(a);
        });
    send(batch);
  }

  @Override
  public synchronized void tick() {
    long now = clock.nanoTime();
    if (!active.isEmpty() && (lastSent == Long.MIN_VALUE || now - lastSent >= RESEND.toNanos())) {
      send(List.copyOf(active.values()));
    }
  }

  private Alert alert(Key k, Verdict v, Instant startsAt, int round) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", "BallastMarathonCheck");
    labels.put("severity", k.severity());
    labels.put("cluster", cluster);
    labels.put("task", k.task());
    labels.put("checker", k.checker());
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", k.task() + " " + v.outcome() + ": " + v.summary());
    annotations.put(
        "description", "round " + round + ", checker " + k.checker() + ": " + v.evidence());
    return new Alert(labels, annotations, startsAt, null);
  }

  private void send(List<Alert> batch) {
    if (batch.isEmpty()) {
      return;
    }
    lastSent = clock.nanoTime();
    for (AlertSender s : senders) {
      try {
        s.send(batch);
        if (lastFailure.remove(s.target()) != null) {
          log.accept("alerts: " + s.target() + " reachable again");
        }
      } catch (IOException | RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        if (!msg.equals(lastFailure.put(s.target(), msg))) {
          log.accept("alerts: cannot deliver to " + s.target() + ": " + msg + " (will retry)");
        }
      }
    }
  }
}
