package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.WorkloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every common check of a scenario run, fed a good run (all PASS) and, one at a time, a run broken
 * in the way that check is about (that check FAILs).
 */
class ScenarioChecksTest {

  private static final ScenarioSpec TRAFFIC = Scenarios.trafficBased(true);
  private static final String TOPIC = TRAFFIC.topic();

  /** 3 brokers, the scenario's 6 partitions on {@code placement}, {@code msgs} msg/s each. */
  private static ClusterModel model(double msgs, int... placement) {
    List<Broker> brokers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      brokers.add(new Broker(i, null, BrokerState.ALIVE, null));
    }
    List<Partition> partitions = new ArrayList<>();
    for (int p = 0; p < placement.length; p++) {
      partitions.add(
          Partition.of(
              TOPIC,
              p,
              List.of(placement[p]),
              new PartitionLoad(msgs * 1000, msgs * 1000, msgs, 1)));
    }
    return ClusterModel.of(brokers, partitions);
  }

  private static final ClusterModel BEFORE = model(500, 0, 0, 0, 0, 1, 2);
  private static final ClusterModel AFTER = model(500, 0, 0, 1, 1, 2, 2);

  private static WorkloadResult workload(long lost, long duplicated, boolean drained) {
    LatencySummary none = LatencySummary.EMPTY;
    ContinuityVerdict v =
        new ContinuityVerdict(
            90_000, 90_000, 0, 90_000 - lost, lost, duplicated, 0, 0, true, List.of());
    return new WorkloadResult(
        "traffic-based",
        30,
        90_000,
        90_000,
        0,
        90_000 - lost,
        3000.0,
        3000,
        3,
        none,
        none,
        none,
        none,
        List.of(new GroupResult("traffic-based-check", TOPIC, 1, v, 0, 100)),
        drained,
        List.of());
  }

  private static ScenarioChecks.Evidence good() {
    return new ScenarioChecks.Evidence(workload(0, 0, true), 12.5, List.of(), 20, 3000, 1, 0);
  }

  private static Map<String, Check> checks(
      ScenarioSpec spec, ScenarioChecks.Evidence e, ClusterModel before, ClusterModel after) {
    return new ScenarioChecks(spec, e)
        .all(before, after).stream()
            .collect(
                Collectors.toMap(Check::name, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static List<String> failed(Map<String, Check> checks) {
    return checks.values().stream().filter(c -> !c.passed()).map(Check::name).toList();
  }

  @Test
  void aGoodRunPassesEveryCheck() {
    Map<String, Check> all = checks(TRAFFIC, good(), BEFORE, AFTER);
    assertThat(all.keySet())
        .containsExactly(
            "the load creates a measurable imbalance",
            "the balancer converges to the expected end",
            "balanced after",
            "after is better than before",
            "sampled metrics match the generated load",
            "no message lost or duplicated",
            "every execution completed");
    assertThat(failed(all)).isEmpty();
  }

  @Test
  void aLostOrDuplicatedMessageOrUndrainedConsumersFailContinuity() {
    for (WorkloadResult broken :
        List.of(workload(3, 0, true), workload(0, 2, true), workload(0, 0, false))) {
      ScenarioChecks.Evidence e =
          new ScenarioChecks.Evidence(broken, 12.5, List.of(), 20, 3000, 1, 0);
      assertThat(failed(checks(TRAFFIC, e, BEFORE, AFTER)))
          .containsExactly("no message lost or duplicated");
    }
  }

  @Test
  void noConvergenceFailsAndSaysWhereTheClusterStayed() {
    ScenarioChecks.Evidence e =
        new ScenarioChecks.Evidence(workload(0, 0, true), null, List.of(), 20, 3000, 1, 0);
    Map<String, Check> all = checks(TRAFFIC, e, BEFORE, AFTER);
    assertThat(failed(all)).containsExactly("the balancer converges to the expected end");
    assertThat(all.get("the balancer converges to the expected end").evidence())
        .isEqualTo("expected end not reached: replicas 2-2-2, leaders 2-2-2");
  }

  @Test
  void anEndAsSkewedAsTheStartFailsBalanceAndImprovement() {
    assertThat(failed(checks(TRAFFIC, good(), BEFORE, BEFORE)))
        .containsExactly("balanced after", "after is better than before");
  }

  @Test
  void aStartWithoutImbalanceFails() {
    assertThat(failed(checks(TRAFFIC, good(), AFTER, AFTER)))
        .containsExactly("the load creates a measurable imbalance", "after is better than before");
  }

  @Test
  void aSampledRateFarFromTheLoadFails() {
    ClusterModel undersampled = model(400, 0, 0, 1, 1, 2, 2); // 2400 msg/s of 3000
    assertThat(failed(checks(TRAFFIC, good(), BEFORE, undersampled)))
        .containsExactly("sampled metrics match the generated load");
  }

  @Test
  void aFailedExecutionFails() {
    ScenarioChecks.Evidence e =
        new ScenarioChecks.Evidence(workload(0, 0, true), 12.5, List.of(), 20, 3000, 2, 1);
    assertThat(failed(checks(TRAFFIC, e, BEFORE, AFTER)))
        .containsExactly("every execution completed");
  }

  @Test
  void aSlowNodeWhoseProducersStayLateFailsLatencyRecovery() {
    ScenarioSpec slow = Scenarios.slowNode(true);
    ScenarioChecks.Evidence late =
        new ScenarioChecks.Evidence(workload(0, 0, true), 20.0, List.of(), 26_000, 3000, 1, 0);
    Map<String, Check> all = checks(slow, late, null, null);
    assertThat(all.get("produce p99 recovers").passed()).isFalse();
    ScenarioChecks.Evidence recovered =
        new ScenarioChecks.Evidence(workload(0, 0, true), 20.0, List.of(), 40, 3000, 1, 0);
    assertThat(checks(slow, recovered, null, null).get("produce p99 recovers").passed()).isTrue();
    ScenarioChecks.Evidence noPeriod =
        new ScenarioChecks.Evidence(workload(0, 0, true), 20.0, List.of(), Double.NaN, 3000, 1, 0);
    assertThat(checks(slow, noPeriod, null, null).get("produce p99 recovers").passed())
        .as("no load period measured is no recovery")
        .isFalse();
  }
}
