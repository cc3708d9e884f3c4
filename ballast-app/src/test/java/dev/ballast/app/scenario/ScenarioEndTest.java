package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Goal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The expected end of a scenario, judged on a model: exact counts per broker, and balance. */
class ScenarioEndTest {

  /** 3 brokers with the replicas (RF 1) of topic t placed on {@code placement}, equal load. */
  private static ClusterModel model(int... placement) {
    List<Broker> brokers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      brokers.add(new Broker(i, null, BrokerState.ALIVE, null));
    }
    List<Partition> partitions = new ArrayList<>();
    for (int p = 0; p < placement.length; p++) {
      partitions.add(
          Partition.of("t", p, List.of(placement[p]), new PartitionLoad(1000, 1000, 10, 1000)));
    }
    return ClusterModel.of(brokers, partitions);
  }

  private static final Function<ClusterModel, Map<Integer, int[]>> COUNTS =
      m -> new ScenarioRecorder("t", 0, () -> 0, line -> {}).topicCounts(m);

  private static Expectation replicas(Map<Integer, Integer> perBroker, boolean balanced) {
    return new Expectation(Goal.REPLICAS, perBroker, null, false, balanced);
  }

  @Test
  void theEndIsReachedOnlyWithTheExactCountsOnEveryListedBroker() {
    Expectation e = replicas(Map.of(0, 2, 1, 2, 2, 2), false);
    assertThat(ScenarioEnd.reached(e, model(0, 0, 1, 1, 2, 2), COUNTS)).isTrue();
    assertThat(ScenarioEnd.reached(e, model(0, 0, 0, 0, 1, 2), COUNTS)).as("4-1-1").isFalse();
    assertThat(ScenarioEnd.reached(e, null, COUNTS)).as("no sample yet").isFalse();
  }

  @Test
  void leadersAreCountedApartFromReplicas() {
    Expectation noLeadersOn2 = new Expectation(Goal.LEADERS, null, Map.of(2, 0), false, false);
    assertThat(ScenarioEnd.reached(noLeadersOn2, model(0, 1, 0, 1), COUNTS)).isTrue();
    assertThat(ScenarioEnd.reached(noLeadersOn2, model(0, 1, 2, 1), COUNTS)).isFalse();
  }

  @Test
  void aBalancedEndAlsoNeedsTheMetricWithinTheBand() {
    Expectation anyCounts = replicas(null, true);
    assertThat(ScenarioEnd.reached(anyCounts, model(0, 1, 2), COUNTS)).isTrue();
    assertThat(ScenarioEnd.reached(anyCounts, model(0, 0, 1, 2), COUNTS))
        .as("2-1-1 is 1.5 max/mean")
        .isFalse();
    assertThat(ScenarioEnd.reached(replicas(null, false), model(0, 0, 1, 2), COUNTS)).isTrue();
  }

  @Test
  void theWorkloadEndsAfterTheSettleTimeAndWindowOrWhenTheTimeIsUp() throws Exception {
    ScenarioOptions options =
        new ScenarioOptions(true, Path.of("x"), false, java.time.Duration.ofSeconds(60), null);
    long[] now = {0};
    ScenarioRecorder recorder = new ScenarioRecorder("t", 0, () -> now[0], line -> {});
    Path log = java.nio.file.Files.createTempFile("scenario-end", ".log");
    try (ExperimentLog experiment =
        new ExperimentLog(log, new java.io.PrintWriter(java.io.Writer.nullWriter()), "t")) {
      ScenarioEnd end = new ScenarioEnd(options, java.time.Duration.ZERO);
      end.start(0);
      assertThat(end.observe(0, false, false, true, recorder, 0, experiment)).isFalse();
      assertThat(end.convergenceSeconds()).isNull();
      now[0] = 5_000_000_000L;
      assertThat(end.observe(now[0], true, false, true, recorder, 1, experiment)).isFalse();
      assertThat(end.convergenceSeconds()).isEqualTo(4.0);
      // The end did not hold: convergence is forgotten.
      assertThat(end.observe(now[0] + 1, false, false, true, recorder, 1, experiment)).isFalse();
      assertThat(end.convergenceSeconds()).isNull();
      // No samples came after convergence, so only the time limit ends the phase.
      assertThat(end.observe(61_000_000_000L, false, false, true, recorder, 1, experiment))
          .isTrue();
      assertThat(java.nio.file.Files.readString(log)).contains("no convergence within 60 s");
    } finally {
      java.nio.file.Files.deleteIfExists(log);
    }
  }
}
