package dev.ballast.app.task.fault;

import dev.ballast.app.task.TaskCluster;
import java.util.Set;

/**
 * What a {@link Fault} may use and look at while a task drives it: the cluster, the task's log, the
 * balancer (to decommission a broker) and the task's latest observations of its topic.
 */
public interface FaultContext {

  /** Returns the cluster under test. */
  TaskCluster cluster();

  /** Writes one line to the task's log (console and experiment log). */
  void log(String line);

  /** Asks the balancer to move every replica off {@code brokers} (an operator's decommission). */
  void drain(Set<Integer> brokers);

  /**
   * Returns the replicas of the task's topic on {@code broker} in the latest sample, -1 if none.
   */
  int replicasOn(int broker);

  /** Returns the producers' p99 latency in the last load period, in milliseconds (NaN: none). */
  double produceP99Ms();

  /** Returns the partitions under-replicated in the latest sample, -1 when there is none yet. */
  int underReplicated();

  /** Tells the task that broker {@code id} joined the cluster (added by a fault). */
  void brokerAdded(int id);
}
