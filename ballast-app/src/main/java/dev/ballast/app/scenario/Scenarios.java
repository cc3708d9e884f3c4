package dev.ballast.app.scenario;

import dev.ballast.core.plan.Goal;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.spec.ProducerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of auto-balancing scenarios (DESIGN.md, seeds 000 and 001), each built on purpose
 * through explicit replica assignment and the workload engine. {@code quick} lowers rates and
 * shortens phases for tests.
 */
public final class Scenarios {

  /** The names {@code demo all} runs, in order. */
  public static final List<String> ALL =
      List.of("traffic-based", "qps-based", "scale-up", "scale-down", "slow-node", "capacity");

  private Scenarios() {}

  /** Returns every scenario by name, including variants not in {@link #ALL}. */
  public static Map<String, ScenarioSpec> catalogue(boolean quick) {
    Map<String, ScenarioSpec> all = new LinkedHashMap<>();
    for (ScenarioSpec s :
        List.of(
            trafficBased(quick),
            qpsBased(quick),
            scaleUp(quick),
            scaleDown(quick),
            scaleDownKill(quick),
            slowNode(quick),
            capacity(quick))) {
      all.put(s.name(), s);
    }
    return all;
  }

  static ScenarioSpec trafficBased(boolean quick) {
    // ~10 MB/s of 1 kB messages spread evenly over 6 partitions placed 4-1-1.
    double rate = quick ? 3000 : 10_000;
    return new ScenarioSpec(
        "traffic-based",
        "6 partitions placed 4-1-1 under ~"
            + (int) (rate / 1000)
            + " MB/s: bytes in/out balanced to 2-2-2",
        3,
        "ballast-demo-traffic",
        rf1(0, 0, 0, 0, 1, 2),
        List.of(producer("ballast-demo-traffic", rate, 1000, uniform(6))),
        Trigger.NONE,
        -1,
        Duration.ZERO,
        Duration.ZERO,
        0,
        new Expectation(Goal.NETWORK_IN, Map.of(0, 2, 1, 2, 2, 2), null, true, true));
  }

  static ScenarioSpec qpsBased(boolean quick) {
    // Broker 0 holds 3 partitions of many small messages, brokers 1 and 2 three of few large ones:
    // bytes are even, messages/s are not (a bytes-only balancer sees nothing to do).
    double small = quick ? 3000 : 6000;
    double large = small / 10;
    return new ScenarioSpec(
        "qps-based",
        "bytes balanced but messages/s skewed (many small messages on broker 0): messages/s balanced",
        3,
        "ballast-demo-requests",
        rf1(0, 0, 0, 1, 1, 1, 2, 2, 2),
        List.of(
            producer(
                "ballast-demo-requests",
                small * 3,
                100,
                List.of(1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L)),
            producer(
                "ballast-demo-requests",
                large * 6,
                1000,
                List.of(0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L))),
        Trigger.NONE,
        -1,
        Duration.ZERO,
        Duration.ZERO,
        0,
        new Expectation(Goal.MESSAGES, Map.of(0, 3, 1, 3, 2, 3), null, true, true));
  }

  static ScenarioSpec scaleUp(boolean quick) {
    List<Integer> leaders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      leaders.add(i % 2);
    }
    return new ScenarioSpec(
        "scale-up",
        "12 partitions 6-6 on 2 brokers, a 3rd broker joins: 4-4-4",
        2,
        "ballast-demo-growth",
        rf1(leaders.stream().mapToInt(Integer::intValue).toArray()),
        List.of(producer("ballast-demo-growth", quick ? 3000 : 6000, 1000, uniform(12))),
        Trigger.ADD_BROKER,
        2,
        quick ? Duration.ofSeconds(4) : Duration.ofSeconds(15),
        Duration.ZERO,
        0,
        new Expectation(Goal.REPLICAS, Map.of(0, 4, 1, 4, 2, 4), null, false, true));
  }

  static ScenarioSpec scaleDown(boolean quick) {
    return new ScenarioSpec(
        "scale-down",
        "12 partitions 4-4-4, broker 2 drained then stopped: 6-6-0, nothing lost",
        3,
        "ballast-demo-shrink",
        rf1(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2),
        List.of(producer("ballast-demo-shrink", quick ? 3000 : 6000, 1000, uniform(12))),
        Trigger.DRAIN_AND_STOP,
        2,
        quick ? Duration.ofSeconds(4) : Duration.ofSeconds(15),
        Duration.ZERO,
        0,
        new Expectation(Goal.REPLICAS, Map.of(0, 6, 1, 6, 2, 0), null, false, false));
  }

  static ScenarioSpec scaleDownKill(boolean quick) {
    List<List<Integer>> placement = new ArrayList<>();
    int[][] pairs = {{0, 1}, {1, 2}, {2, 0}};
    for (int i = 0; i < 12; i++) {
      placement.add(List.of(pairs[i % 3][0], pairs[i % 3][1]));
    }
    return new ScenarioSpec(
        "scale-down-kill",
        "12 partitions RF 2 over 3 brokers, broker 2 killed: the balancer re-creates its replicas, nothing lost",
        3,
        "ballast-demo-heal",
        placement,
        List.of(producer("ballast-demo-heal", quick ? 2000 : 4000, 1000, uniform(12))),
        Trigger.KILL,
        2,
        quick ? Duration.ofSeconds(4) : Duration.ofSeconds(15),
        Duration.ZERO,
        0,
        new Expectation(Goal.REPLICAS, Map.of(0, 12, 1, 12, 2, 0), null, false, false));
  }

  static ScenarioSpec slowNode(boolean quick) {
    List<List<Integer>> placement = new ArrayList<>();
    // 12 partitions, not the 9 of the seed design: once broker 2 leads nothing, 12 leaders split
    // evenly over the other two, where 9 would leave a 5-4 split outside a +-10% band forever.
    for (int i = 0; i < 12; i++) {
      placement.add(List.of(i % 3, (i + 1) % 3));
    }
    return new ScenarioSpec(
        "slow-node",
        "12 partitions 4-4-4 (RF 2), ~200 ms latency injected on broker 2: it leads nothing, produce p99 recovers",
        3,
        "ballast-demo-latency",
        placement,
        List.of(producer("ballast-demo-latency", quick ? 1200 : 3000, 1000, uniform(12))),
        Trigger.SLOW,
        2,
        quick ? Duration.ofSeconds(4) : Duration.ofSeconds(15),
        Duration.ofMillis(200),
        0,
        new Expectation(Goal.LEADERS, null, Map.of(2, 0), false, false));
  }

  static ScenarioSpec capacity(boolean quick) {
    // Seed 002: two brokers over two zones, RF 2, more load than their network carries. With R
    // the bytes produced (~1.05 kB a message on disk with its headers), each broker sends its
    // consumers' share plus one replica copy of what it leads, ~R, through a cap of 0.8 R:
    // followers fall behind. Four brokers need ~R/2 each (62% of the cap). The doctor's sizing,
    // 2 R in over 70% of the cap, asks for 4 brokers (a multiple of the 2 zones) for any sampled
    // load between 0.6 R and 1.13 R.
    // The same load with and without --quick: at 2 MB/s under a 1.7 MB/s cap the scenario passed
    // every check but one (acks came in bursts, and the sampled rate was 6.7% off the target at
    // the end), and 1 MB/s already shows everything the scenario is about.
    double rate = 1000;
    long cap = 850_000;
    List<List<Integer>> placement = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      placement.add(List.of(i % 2, (i + 1) % 2));
    }
    return new ScenarioSpec(
        "capacity",
        "2 brokers (RF 2, 2 zones) with "
            + cap / 1000
            + " kB/s of network each under ~"
            + (int) rate
            + " kB/s: the doctor finds CapacityInsufficient, brokers are added and rebalanced onto,"
            + " under-replication returns to 0",
        2,
        "ballast-demo-orders",
        placement,
        // The seed's producer settings: 1 MB batches, several per request. Once the cap holds the
        // producer back, its backlog leaves in requests of several MB, a follower's fetch of them
        // takes longer than replica.lag.time.max.ms at the capped rate, and the follower drops out
        // of the ISR (small batches would only slow the producer down in step with its followers).
        List.of(
            producer(
                "ballast-demo-orders",
                rate,
                1000,
                uniform(8),
                Map.of("batch.size", "1048576", "max.request.size", "4194304", "linger.ms", "10"))),
        Trigger.CAPACITY,
        -1,
        Duration.ZERO,
        Duration.ZERO,
        cap,
        new Expectation(
            Goal.REPLICAS,
            Map.of(0, 4, 1, 4, 2, 4, 3, 4),
            Map.of(0, 2, 1, 2, 2, 2, 3, 2),
            false,
            false));
  }

  private static ProducerSpec producer(String topic, double rate, int size, List<Long> weights) {
    return producer(topic, rate, size, weights, Map.of());
  }

  private static ProducerSpec producer(
      String topic, double rate, int size, List<Long> weights, Map<String, String> extra) {
    Map<String, String> config =
        new java.util.HashMap<>(
            Map.of("acks", "all", "linger.ms", "5", "enable.idempotence", "true"));
    config.putAll(extra);
    return new ProducerSpec(
        topic,
        1,
        rate,
        null,
        MessageSizeSpec.fixed(size),
        null,
        null,
        null,
        weights,
        null,
        Map.copyOf(config));
  }

  /**
   * Equal weights: the producer cycles over the partitions, so every partition gets the same rate.
   */
  private static List<Long> uniform(int partitions) {
    return java.util.Collections.nCopies(partitions, 1L);
  }

  private static List<List<Integer>> rf1(int... leaders) {
    List<List<Integer>> p = new ArrayList<>();
    for (int l : leaders) {
      p.add(List.of(l));
    }
    return p;
  }
}
