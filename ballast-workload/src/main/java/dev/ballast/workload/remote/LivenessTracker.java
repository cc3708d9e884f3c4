package dev.ballast.workload.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks the heartbeats of a run's workers: a worker is suspected after {@code missedBeats}
 * heartbeat intervals without one, and confirmed dead when it has left the worker group or a new
 * session (a replacement process with the same id) has taken its place. Pure: time is passed in.
 */
public final class LivenessTracker {

  /** What is known about one worker. */
  public enum State {
    /** Heartbeats arrive. */
    ALIVE,
    /** Missed heartbeats; not yet confirmed. */
    SUSPECTED,
    /** Left the group or was replaced by a new session. */
    DEAD
  }

  private final long heartbeatNanos;
  private final int missedBeats;
  private final Map<String, Entry> workers = new HashMap<>();

  private static final class Entry {
    long sessionId;
    long lastBeatNanos;
    State state = State.ALIVE;
    long suspectedAtNanos = -1;
  }

  /**
   * Creates a tracker for heartbeats every {@code heartbeatNanos}, suspecting after {@code
   * missedBeats}.
   */
  public LivenessTracker(long heartbeatNanos, int missedBeats) {
    if (heartbeatNanos <= 0 || missedBeats < 1) {
      throw new IllegalArgumentException("heartbeat interval and missed beats must be positive");
    }
    this.heartbeatNanos = heartbeatNanos;
    this.missedBeats = missedBeats;
  }

  /**
   * Records a heartbeat of {@code workerId} from {@code sessionId} at {@code nowNanos}; returns
   * true when it comes from a new session of a worker already known (a restart or a replacement).
   */
  public boolean beat(String workerId, long sessionId, long nowNanos) {
    Entry e = workers.get(workerId);
    if (e == null) {
      e = new Entry();
      e.sessionId = sessionId;
      workers.put(workerId, e);
      e.lastBeatNanos = nowNanos;
      return false;
    }
    boolean replaced = e.sessionId != sessionId;
    if (replaced) {
      e.sessionId = sessionId;
      e.suspectedAtNanos = -1;
    }
    e.lastBeatNanos = nowNanos;
    e.state = State.ALIVE;
    return replaced;
  }

  /** Returns the workers newly suspected at {@code nowNanos} (3 missed heartbeats by default). */
  public List<String> suspect(long nowNanos) {
    List<String> newly = new ArrayList<>();
    workers.forEach(
        (id, e) -> {
          if (e.state == State.ALIVE && nowNanos - e.lastBeatNanos > missedBeats * heartbeatNanos) {
            e.state = State.SUSPECTED;
            e.suspectedAtNanos = nowNanos;
            newly.add(id);
          }
        });
    newly.sort(null);
    return newly;
  }

  /** Marks {@code workerId} dead (it left the worker group); returns whether it was not already. */
  public boolean confirmDead(String workerId) {
    Entry e = workers.get(workerId);
    if (e == null || e.state == State.DEAD) {
      return false;
    }
    e.state = State.DEAD;
    return true;
  }

  /** Returns the state of {@code workerId}, or null when it never sent a heartbeat. */
  public State state(String workerId) {
    Entry e = workers.get(workerId);
    return e == null ? null : e.state;
  }

  /** Returns the session of {@code workerId}'s latest heartbeat, or 0 when unknown. */
  public long session(String workerId) {
    Entry e = workers.get(workerId);
    return e == null ? 0 : e.sessionId;
  }

  /** Returns the time of {@code workerId}'s latest heartbeat, or -1 when unknown. */
  public long lastBeatNanos(String workerId) {
    Entry e = workers.get(workerId);
    return e == null ? -1 : e.lastBeatNanos;
  }

  /** Returns the ids of the workers alive at the last look, sorted. */
  public List<String> alive() {
    List<String> ids = new ArrayList<>();
    workers.forEach(
        (id, e) -> {
          if (e.state == State.ALIVE) {
            ids.add(id);
          }
        });
    ids.sort(null);
    return ids;
  }
}
