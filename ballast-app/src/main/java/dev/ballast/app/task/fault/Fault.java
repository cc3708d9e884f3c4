package dev.ballast.app.task.fault;

import java.time.Duration;

/**
 * One thing a task does to the cluster on purpose, driven in steps from the task's own steps (it
 * never waits in them): {@link #inject} starts it once when it is due, {@link #advance} is called
 * on every later step until the fault has taken effect, and {@link #undo} takes back what can be
 * taken back at cleanup. A cluster action that blocks (a broker that starts or stops) runs on a
 * {@link BackgroundAction}, so the task's load keeps going meanwhile.
 */
public interface Fault {

  /** Returns what the fault does, for the log: "broker 2 is killed (-9)". */
  String description();

  /** Starts the fault; called once, when it is due. */
  void inject(FaultContext context);

  /**
   * Advances the fault (a drained broker is stopped once empty); returns whether it has taken its
   * full effect. Throws {@link IllegalStateException} when it failed.
   */
  boolean advance(FaultContext context);

  /**
   * Returns whether the cluster's end state can be judged now, beyond the task's own expectations
   * (after a doctor's fix: no partition under-replicated). True by default.
   */
  default boolean endReached(FaultContext context) {
    return true;
  }

  /**
   * Returns whether what the fault did to the clients has passed (latency injected: the producers'
   * p99 back under it), so the end is judged on a recovered load. True by default.
   */
  default boolean clientsRecovered(FaultContext context) {
    return true;
  }

  /** Returns how much longer than the usual convergence limit the fault itself takes. */
  default Duration extraTime() {
    return Duration.ZERO;
  }

  /**
   * Returns whether someone else (a doctor's fix) moves partitions during this fault, so the
   * balancer only observes.
   */
  default boolean balancerOnlyObserves() {
    return false;
  }

  /** Takes back what can be taken back (latency, caps); a stopped or killed broker stays down. */
  default void undo(FaultContext context) {}

  /** Waits (at most 30 s) for a cluster action still running in the background. */
  default void close() {}
}
