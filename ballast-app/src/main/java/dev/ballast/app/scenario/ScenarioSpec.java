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
 * @param bandwidthCap the network capacity of every broker in bytes/s per direction (the embedded
 *     cluster's proxy enforces it), 0 for none
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
    long bandwidthCap,
    Expectation expectation) {

  /** Validates and copies. */
  public ScenarioSpec {
    requireNonNull(name, "name");
    placement = placement.stream().map(List::copyOf).toList();
    producers = List.copyOf(producers);
    requireNonNull(trigger, "trigger");
    requireNonNull(expectation, "expectation");
  }

  /**
   * Returns this scenario on a cluster whose brokers have other ids: broker {@code i} of the
   * scenario (its placement, target and expected end) becomes broker {@code idOf.get(i)}. The
   * expected end drops brokers not mapped yet (a broker still to join); an unmapped target is -1.
   */
  ScenarioSpec onBrokers(java.util.Map<Integer, Integer> idOf) {
    List<List<Integer>> mapped =
        placement.stream()
            .map(
                replicas ->
                    replicas.stream()
                        .map(
                            i -> {
                              Integer id = idOf.get(i);
                              if (id == null) {
                                throw new IllegalArgumentException(
                                    name + " places a replica on broker #" + i + ", not mapped");
                              }
                              return id;
                            })
                        .toList())
            .toList();
    int mappedTarget = target < 0 ? target : idOf.getOrDefault(target, -1);
    return new ScenarioSpec(
        name,
        title,
        brokers,
        topic,
        mapped,
        producers,
        trigger,
        mappedTarget,
        triggerAfter,
        slowLatency,
        bandwidthCap,
        expectation.onBrokers(idOf));
  }

  /** Returns the replication factor of the topic. */
  public int replicationFactor() {
    return placement.get(0).size();
  }
}
