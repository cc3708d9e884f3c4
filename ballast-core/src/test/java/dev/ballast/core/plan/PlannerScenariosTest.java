package dev.ballast.core.plan;

import static dev.ballast.core.plan.Clusters.GIB;
import static dev.ballast.core.plan.Clusters.MIB;
import static dev.ballast.core.plan.Clusters.UNIT;
import static dev.ballast.core.plan.Clusters.brokers;
import static dev.ballast.core.plan.Clusters.leaderCounts;
import static dev.ballast.core.plan.Clusters.plan;
import static dev.ballast.core.plan.Clusters.replicaCounts;
import static dev.ballast.core.plan.Clusters.rf1;
import static dev.ballast.core.plan.Clusters.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.Capacity;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "must solve" scenarios of the planner issue, with exact expectations. */
class PlannerScenariosTest {

  @Test
  void fourOneOneBecomesTwoTwoTwoInTwoMoves() {
    ClusterModel model = ClusterModel.of(brokers(3), rf1("traffic", UNIT, 4, 1, 1));

    Plan plan = plan(model);

    assertThat(plan.summary().replicaMoves()).isEqualTo(2);
    assertThat(plan.summary().leadershipTransfers()).isZero();
    assertThat(plan.summary().bytesToMove()).isEqualTo(2 * GIB);
    assertThat(plan.summary().lowerBoundBytes()).isLessThanOrEqualTo(2 * GIB);
    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.oldReplicas()).containsExactly(0));
    assertThat(replicaCounts(plan.applyTo(model), 3)).containsExactly(2, 2, 2);
    assertThat(plan.summary().goals()).allSatisfy(g -> assertThat(g.met()).isTrue());
  }

  @Test
  void newBrokerTakesAThirdInFourMoves() {
    List<Broker> brokers = with(brokers(3), 2, BrokerState.NEW);
    ClusterModel model = ClusterModel.of(brokers, rf1("scale", UNIT, 6, 6, 0));

    Plan plan = plan(model);

    assertThat(plan.summary().replicaMoves()).isEqualTo(4);
    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.newReplicas()).containsExactly(2));
    assertThat(replicaCounts(plan.applyTo(model), 3)).containsExactly(4, 4, 4);
    // The bound is 4 GiB less a one-in-a-million safety margin for float-rounded ordering.
    assertThat(plan.summary().lowerBoundBytes())
        .isBetween(4 * GIB - 4 * GIB / 1_000_000 - 1, 4 * GIB);
  }

  @Test
  void drainingBrokerTwoEmptiesInFourMoves() {
    List<Broker> brokers = with(brokers(3), 2, BrokerState.DRAINING);
    ClusterModel model = ClusterModel.of(brokers, rf1("drain", UNIT, 4, 4, 4));

    Plan plan = plan(model);

    assertThat(plan.summary().replicaMoves()).isEqualTo(4);
    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.reason()).isEqualTo(Reason.DRAIN));
    assertThat(replicaCounts(plan.applyTo(model), 3)).containsExactly(6, 6, 0);
    assertThat(plan.summary().hardGoals())
        .filteredOn(h -> h.name().equals("drain"))
        .singleElement()
        .satisfies(h -> assertThat(h.met()).isTrue());
  }

  @Test
  void slowBrokerHandsOverLeadershipWithoutMovingData() {
    // RF=3 over 3 brokers, 9 partitions, each broker prefers (leads) 3.
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      int lead = i % 3;
      partitions.add(Partition.of("slow", i, List.of(lead, (lead + 1) % 3, (lead + 2) % 3), UNIT));
    }
    ClusterModel model = ClusterModel.of(with(brokers(3), 2, BrokerState.SLOW), partitions);

    Plan plan = plan(model);
    ClusterModel after = plan.applyTo(model);

    assertThat(leaderCounts(after, 3)[2]).isZero();
    assertThat(plan.summary().replicaMoves()).isZero();
    assertThat(plan.summary().bytesToMove()).isZero();
    assertThat(plan.actions())
        .allSatisfy(a -> assertThat(a.kind()).isEqualTo(ActionKind.LEADERSHIP));
    assertThat(plan.actions()).hasSize(3);
    assertThat(leaderCounts(after, 3)).containsExactly(5, 4, 0);
  }

  @Test
  void slowBrokerHoldsNothingWithRf1() {
    ClusterModel model =
        ClusterModel.of(with(brokers(3), 2, BrokerState.SLOW), rf1("slow", UNIT, 3, 3, 3));

    Plan plan = plan(model);

    assertThat(replicaCounts(plan.applyTo(model), 3)[2]).isZero();
    assertThat(plan.summary().replicaMoves()).isEqualTo(3);
    assertThat(plan.actions())
        .allSatisfy(a -> assertThat(a.reason()).isEqualTo(Reason.SLOW_BROKER));
  }

  @Test
  void messagesSkewIsFixedWithoutBreakingBytes() {
    // Same bytes everywhere; broker 0 carries 10x the messages (100-byte vs 1 KiB messages).
    PartitionLoad small = new PartitionLoad(MIB, MIB, 10_000, GIB);
    PartitionLoad large = new PartitionLoad(MIB, MIB, 1_000, GIB);
    List<Partition> partitions = new ArrayList<>(rf1("small-messages", small, 3, 0, 0));
    partitions.addAll(
        Clusters.topic(
            "large-messages",
            large,
            new int[] {1},
            new int[] {1},
            new int[] {1},
            new int[] {2},
            new int[] {2},
            new int[] {2}));
    ClusterModel model = ClusterModel.of(brokers(3), partitions);

    Plan plan = plan(model);

    PlanSummary s = plan.summary();
    assertThat(s.goal(Goal.MESSAGES).maxOverMeanBefore()).isEqualTo(2.5);
    assertThat(s.goal(Goal.MESSAGES).maxOverMeanAfter()).isEqualTo(1.0);
    assertThat(s.brokers())
        .allSatisfy(
            b -> {
              assertThat(b.after().messages()).isEqualTo(12_000);
              assertThat(b.after().networkIn()).isEqualTo(3 * MIB);
              assertThat(b.after().disk()).isEqualTo(3.0 * GIB);
            });
    // Two small-message partitions leave broker 0 and two large-message ones take their place.
    assertThat(s.replicaMoves()).isEqualTo(4);
    assertThat(plan.actions())
        .extracting(Action::topic)
        .containsExactlyInAnyOrder(
            "small-messages", "small-messages", "large-messages", "large-messages");
  }

  @Test
  void leadershipSwapBalancesMessagesWhenLeaderCountsMustStayEven() {
    // Two brokers share four RF=2 partitions; broker 0 leads the two busy ones.
    PartitionLoad busy = new PartitionLoad(MIB, MIB, 3000, GIB);
    PartitionLoad quiet = new PartitionLoad(MIB, MIB, 1000, GIB);
    List<Partition> partitions =
        List.of(
            Partition.of("busy", 0, List.of(0, 1), busy),
            Partition.of("busy", 1, List.of(0, 1), busy),
            Partition.of("quiet", 0, List.of(1, 0), quiet),
            Partition.of("quiet", 1, List.of(1, 0), quiet));
    ClusterModel model = ClusterModel.of(brokers(2), partitions);

    Plan plan = plan(model);

    assertThat(plan.summary().bytesToMove()).isZero();
    assertThat(plan.actions())
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.kind()).isEqualTo(ActionKind.LEADERSHIP));
    assertThat(plan.summary().brokers())
        .allSatisfy(
            b -> {
              assertThat(b.after().messages()).isEqualTo(4000);
              assertThat(b.after().leaders()).isEqualTo(2);
            });
  }

  @Test
  void deadBrokerReplicasAreRecreatedAndRf1LossIsExplained() {
    // Broker 3 is dead: its RF=2 replicas are re-created; its RF=1 partition has no live copy.
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      partitions.add(Partition.of("safe", i, List.of(i % 3, 3), UNIT));
    }
    partitions.add(Partition.of("lost", 0, List.of(3), UNIT));
    ClusterModel model = ClusterModel.of(with(brokers(4), 3, BrokerState.DEAD), partitions);

    Plan plan = plan(model);

    assertThat(plan.summary().replicaMoves()).isEqualTo(6);
    assertThat(plan.actions())
        .allSatisfy(a -> assertThat(a.reason()).isEqualTo(Reason.DEAD_BROKER))
        .allSatisfy(a -> assertThat(a.newReplicas()).doesNotContain(3));
    assertThat(replicaCounts(plan.applyTo(model), 4)).containsExactly(4, 4, 4, 1);
    assertThat(plan.summary().hardGoals())
        .filteredOn(h -> h.name().equals("dead-broker"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.met()).isFalse();
              assertThat(h.detail())
                  .isEqualTo(
                      "1 replicas stay: lost-0 on broker 3 (RF=1 and its only copy is on the dead"
                          + " broker)");
            });
  }

  @Test
  void nothingMovesOffAnExcludedBrokerEvenAboveCapacity() {
    List<Broker> brokers = with(brokers(3), 2, BrokerState.EXCLUDED);
    brokers.set(2, new Broker(2, null, BrokerState.EXCLUDED, new Capacity(MIB, 100 * MIB)));
    ClusterModel model = ClusterModel.of(brokers, rf1("t", UNIT, 1, 1, 4));

    Plan plan = plan(model);

    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.oldReplicas()).doesNotContain(2));
    assertThat(replicaCounts(plan.applyTo(model), 3)[2]).isEqualTo(4);
    assertThat(plan.summary().hardGoals())
        .filteredOn(h -> h.name().equals("capacity"))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.detail())
                    .isEqualTo(
                        "excluded brokers 2 stay above capacity: nothing moves off an excluded"
                            + " broker"));
  }

  @Test
  void drainThatHasNowhereToGoSaysTooFewBrokers() {
    List<Partition> partitions = List.of(Partition.of("t", 0, List.of(0, 1, 2), UNIT));
    ClusterModel model = ClusterModel.of(with(brokers(3), 2, BrokerState.DRAINING), partitions);

    Plan plan = plan(model);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.summary().hardGoals())
        .filteredOn(h -> h.name().equals("drain"))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.detail())
                    .isEqualTo(
                        "1 replicas stay: t-0 on broker 2 (too few brokers: RF 3 needs another"
                            + " receiving broker that does not hold it yet (add a broker))"));
  }

  @Test
  void topicSpreadIsOffByDefaultAndSpreadsEachTopicWhenAskedFor() {
    // Replica counts and load are even (4-4-4) but topic a sits on broker 0 and topic b on 1.
    List<Partition> partitions = new ArrayList<>();
    int[] a = {0, 0, 0, 0, 2, 2};
    int[] b = {1, 1, 1, 1, 2, 2};
    for (int i = 0; i < 6; i++) {
      partitions.add(Partition.of("a", i, List.of(a[i]), UNIT));
      partitions.add(Partition.of("b", i, List.of(b[i]), UNIT));
    }
    ClusterModel model = ClusterModel.of(brokers(3), partitions);
    assertThat(plan(model).isEmpty()).isTrue();

    Map<Goal, Double> weights = new EnumMap<>(Goal.class);
    for (Goal g : Goal.values()) {
      weights.put(g, g.defaultWeight());
    }
    weights.put(Goal.TOPIC_SPREAD, 0.25);
    Plan plan = new Planner(PlannerOptions.defaults().withWeights(weights)).plan(model);
    ClusterModel after = plan.applyTo(model);

    for (String topic : List.of("a", "b")) {
      int[] perBroker = new int[3];
      after.partitions().stream()
          .filter(p -> p.topic().equals(topic))
          .forEach(p -> perBroker[p.replicas().get(0)]++);
      assertThat(perBroker).as(topic).containsExactly(2, 2, 2);
    }
    assertThat(replicaCounts(after, 3)).containsExactly(4, 4, 4);
    assertThat(plan.summary().replicaMoves()).isEqualTo(4);
    assertThat(plan.summary().goal(Goal.TOPIC_SPREAD).met()).isTrue();
  }

  @Test
  void rf3OverThreeRacksKeepsThreeRacks() {
    // 6 brokers on racks a,b,c (two each); 12 RF=3 partitions crowded onto brokers 0,1,2.
    List<Broker> brokers = new ArrayList<>();
    String[] racks = {"a", "b", "c", "a", "b", "c"};
    for (int i = 0; i < 6; i++) {
      brokers.add(new Broker(i, racks[i], BrokerState.ALIVE, null));
    }
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int shift = i % 3;
      partitions.add(
          Partition.of("racked", i, List.of(shift, (shift + 1) % 3, (shift + 2) % 3), UNIT));
    }
    ClusterModel model = ClusterModel.of(brokers, partitions);
    assertThat(model.partitions()).allSatisfy(p -> assertThat(racksOf(p, racks)).hasSize(3));

    Plan plan = plan(model);
    ClusterModel after = plan.applyTo(model);

    assertThat(after.partitions()).allSatisfy(p -> assertThat(racksOf(p, racks)).hasSize(3));
    assertThat(replicaCounts(after, 6)).containsExactly(6, 6, 6, 6, 6, 6);
    assertThat(plan.summary().replicaMoves()).isEqualTo(18);
    assertThat(plan.summary().lowerBoundBytes())
        .isBetween(18 * GIB - 18 * GIB / 1_000_000 - 1, 18 * GIB);
  }

  private static Set<String> racksOf(Partition p, String[] racks) {
    Set<String> s = new HashSet<>();
    for (int r : p.replicas()) {
      s.add(racks[r]);
    }
    return s;
  }
}
