package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.spec.ProducerSpec;
import java.time.Duration;
import java.util.List;

/**
 * One scenario: the cluster, the topic and its deliberate placement, the load, the trigger and the
 * expected end.
 *
 * @param name the scenario's name on the command line
 * @param title one line saying what it shows
 * @param brokers brokers at the start
 * @param topic the scenario's topic
 * @param placement replicas per partition (first = leader)
 * @param producers the load
 * @param trigger what happens to the cluster
 * @param target the broker the trigger acts on (the new broker's id for ADD_BROKER)
 * @param triggerAfter when the trigger fires after the load starts
 * @param slowLatency the latency injected for SLOW
 * @param expectation the expected end
 */
public record ScenarioSpec(
    String name,
    String title,
    int brokers,
    String topic,
    List<List<Integer>> placement,
    List<ProducerSpec> producers,
    Trigger trigger,
    int target,
    Duration triggerAfter,
    Duration slowLatency,
    Expectation expectation) {

  /** Validates and copies. */
  public ScenarioSpec {
    requireNonNull(name, "name");
    placement = placement.stream().map(List::copyOf).toList();
    producers = List.copyOf(producers);
    requireNonNull(trigger, "trigger");
    requireNonNull(expectation, "expectation");
  }

  /** Returns the replication factor of the topic. */
  public int replicationFactor() {
    return placement.get(0).size();
  }
}
