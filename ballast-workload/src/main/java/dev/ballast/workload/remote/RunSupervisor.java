package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides what a run does when its workers come and go: a worker without heartbeats is suspected,
 * confirmed dead when it has left the worker group (or a new process with its id appeared), and
 * then the run pauses (producers stop, consumers keep reading) until a replacement with the same id
 * is running, or ends INCONCLUSIVE when none came within the grace period. Pure: time and
 * observations are passed in; each method returns whether the desired states changed.
 */
final class RunSupervisor {

  private final List<String> roster;
  private final LivenessTracker liveness;
  private final long graceNanos;
  private final Consumer<String> events;
  private final Map<String, Long> sessions = new HashMap<>();
  private final Set<String> missing = new LinkedHashSet<>();
  private final Set<Long> deadSessions = new HashSet<>();
  private final Map<String, Long> suspectedAt = new HashMap<>();
  private final List<Double> detectionSeconds = new ArrayList<>();
  private final List<String> pauses = new ArrayList<>();
  private RunPhase phase = RunPhase.RUNNING;
  private long pausedSince = -1;
  private long pausedNanos;
  private long graceDeadline;
  private String inconclusive;

  RunSupervisor(
      List<String> roster,
      Map<String, Long> sessions,
      LivenessTracker liveness,
      long graceNanos,
      Consumer<String> events) {
    this.roster = List.copyOf(roster);
    this.sessions.putAll(sessions);
    this.liveness = requireNonNull(liveness, "liveness");
    this.graceNanos = graceNanos;
    this.events = requireNonNull(events, "events");
  }

  /** Returns the phase every worker should be in. */
  RunPhase phase() {
    return phase;
  }

  /** Sets the run's phase (producers stopped, finished), closing an open pause. */
  void setPhase(RunPhase newPhase, long now) {
    closePause(now);
    phase = newPhase;
  }

  /** Records a heartbeat; returns true when a dead worker's replacement resumes the run. */
  boolean onStatus(WorkerStatus s, long now) {
    liveness.beat(s.workerId(), s.sessionId(), now);
    Long known = sessions.get(s.workerId());
    if (known == null || known == s.sessionId()) {
      return false;
    }
    boolean changed = false;
    if (!missing.contains(s.workerId())) {
      changed = onDeath(s.workerId(), now, "a new process with its id started");
    }
    sessions.put(s.workerId(), s.sessionId());
    missing.remove(s.workerId());
    events.accept(
        "worker "
            + s.workerId()
            + " replaced by a new process (session "
            + Long.toHexString(s.sessionId())
            + ")");
    if (missing.isEmpty() && phase == RunPhase.PAUSED) {
      closePause(now);
      phase = RunPhase.RUNNING;
      events.accept("run resumed: every worker is running again");
      changed = true;
    }
    return changed;
  }

  /** Suspects workers without recent heartbeats; returns whether a membership check is due. */
  boolean onTick(long now) {
    for (String id : liveness.suspect(now)) {
      if (roster.contains(id)) {
        suspectedAt.put(id, now);
        events.accept(
            String.format(
                "worker %s suspected: no heartbeat for %.1f s",
                id, (now - liveness.lastBeatNanos(id)) / 1e9));
      }
    }
    if (phase == RunPhase.PAUSED && inconclusive == null && now >= graceDeadline) {
      inconclusive =
          "INCONCLUSIVE: worker(s) "
              + String.join(", ", missing)
              + " died and no replacement joined within "
              + graceNanos / 1_000_000_000L
              + " s; the run stopped producing";
      events.accept(inconclusive);
    }
    return roster.stream().anyMatch(id -> liveness.state(id) == LivenessTracker.State.SUSPECTED);
  }

  /** Confirms suspected workers that left the worker group; returns whether the run paused. */
  boolean onMembers(Set<String> members, long now) {
    boolean changed = false;
    for (String id : roster) {
      if (liveness.state(id) == LivenessTracker.State.SUSPECTED && !members.contains(id)) {
        changed |= onDeath(id, now, "it left the worker group");
      }
    }
    return changed;
  }

  private boolean onDeath(String id, long now, String why) {
    liveness.confirmDead(id);
    Long session = sessions.get(id);
    if (session != null) {
      deadSessions.add(session);
    }
    missing.add(id);
    long lastBeat = liveness.lastBeatNanos(id);
    double seconds = (now - lastBeat) / 1e9;
    detectionSeconds.add(seconds);
    events.accept(
        String.format(
            "worker %s confirmed dead (%s), %.1f s after its last heartbeat", id, why, seconds));
    if (phase != RunPhase.RUNNING) {
      return false;
    }
    phase = RunPhase.PAUSED;
    pausedSince = now;
    graceDeadline = now + graceNanos;
    events.accept(
        "run paused: producers stop, consumers keep reading; waiting up to "
            + graceNanos / 1_000_000_000L
            + " s for a worker with id "
            + id);
    return true;
  }

  private void closePause(long now) {
    if (pausedSince >= 0) {
      pausedNanos += now - pausedSince;
      pauses.add(String.format("paused %.1f s (a worker died)", (now - pausedSince) / 1e9));
      pausedSince = -1;
    }
  }

  /** Returns the current session of each worker of the roster. */
  Map<String, Long> sessions() {
    return Map.copyOf(sessions);
  }

  /** Returns the workers dead and not replaced. */
  Set<String> missing() {
    return Set.copyOf(missing);
  }

  /** Returns the sessions that died (their unacknowledged sends are indeterminate). */
  Set<Long> deadSessions() {
    return Set.copyOf(deadSessions);
  }

  /** Returns, per death, the seconds from the last heartbeat to the confirmation. */
  List<Double> detectionSeconds() {
    return List.copyOf(detectionSeconds);
  }

  /** Returns the total time paused so far (an open pause counts up to {@code now}). */
  long pausedNanos(long now) {
    return pausedNanos + (pausedSince >= 0 ? now - pausedSince : 0);
  }

  /** Returns one line per pause. */
  List<String> pauses() {
    return List.copyOf(pauses);
  }

  /** Returns the INCONCLUSIVE reason, or null. */
  String inconclusive() {
    return inconclusive;
  }
}
