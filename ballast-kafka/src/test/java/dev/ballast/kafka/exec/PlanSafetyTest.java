package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.LogDirs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The checks before a plan runs: KIP-860's replication-factor guard, KIP-1066's cordoned log dirs,
 * and the re-validation of a plan made earlier (an execute window opening).
 */
class PlanSafetyTest {

  private static final TopicPartition T0 = new TopicPartition("t", 0);
  private static final TopicPartition T1 = new TopicPartition("t", 1);

  /** Brokers 0-3; t-0 on [0, 1], t-1 on [1, 2]. */
  private static final ClusterDescription CLUSTER =
      new ClusterDescription(
          "c",
          0,
          List.of(
              new ClusterDescription.Broker(0, "h", 1, null, false),
              new ClusterDescription.Broker(1, "h", 2, null, false),
              new ClusterDescription.Broker(2, "h", 3, null, false),
              new ClusterDescription.Broker(3, "h", 4, null, false)),
          Map.of(
              "t",
              List.of(
                  new ClusterDescription.Partition(0, 0, List.of(0, 1), List.of(0, 1)),
                  new ClusterDescription.Partition(1, 1, List.of(1, 2), List.of(1, 2)))));

  @Test
  void aChangedReplicationFactorIsRefusedUnlessAllowed() {
    List<Reassignment> grow = List.of(new Reassignment("t", 0, List.of(0, 1, 2), 0));

    assertThat(ReassignmentValidator.validate(grow, CLUSTER, Map.of()))
        .containsExactly(
            "t-0: the plan changes the replication factor from 2 to 3 (Ballast keeps it, KIP-860;"
                + " --allow-replication-factor-change applies it)");
    assertThat(
            ReassignmentValidator.validate(
                grow, CLUSTER, Map.of(), /* allowReplicationFactorChange= */ true))
        .isEmpty();
  }

  @Test
  void aNewReplicaOnAFullyCordonedBrokerOrACordonedDirIsRefused() {
    Map<Integer, LogDirs> dirs =
        Map.of(
            0, new LogDirs(Set.of("/d0"), Set.of()),
            1, new LogDirs(Set.of("/d1"), Set.of("/d1")),
            2, new LogDirs(Set.of("/a", "/b"), Set.of("/a")),
            3, new LogDirs(Set.of("/d3"), Set.of("/d3")));
    List<Reassignment> plan =
        List.of(
            new Reassignment("t", 0, List.of(0, 3), 0), // new replica on fully cordoned 3
            new Reassignment("t", 1, List.of(1, 2), 0)); // stays; asks for cordoned /a on 2

    assertThat(
            ReassignmentValidator.cordoned(
                plan, CLUSTER, dirs, Map.of(T1, List.of("any", "/a"), T0, List.of("any", "any"))))
        .containsExactly(
            "t-0: broker 3 has every log dir cordoned (KIP-1066) and takes no new replica",
            "t-1: log dir /a of broker 2 is cordoned (KIP-1066)");
    // Broker 1 is fully cordoned but already holds t-0: keeping a replica there is fine, and a
    // partly cordoned broker takes new replicas in its other dirs.
    assertThat(
            ReassignmentValidator.cordoned(
                List.of(
                    new Reassignment("t", 0, List.of(1, 0), 0),
                    new Reassignment("t", 1, List.of(2, 0), 0)),
                CLUSTER,
                dirs,
                Map.of(T1, List.of("/b", "any"))))
        .isEmpty();
  }

  @Test
  void aMoveSomeoneElseMadeSinceThePlanIsDroppedAndTheRestKept() {
    List<Reassignment> plan =
        List.of(
            new Reassignment("t", 0, List.of(0, 2), 0),
            new Reassignment("t", 1, List.of(3, 2), 0),
            new Reassignment("gone", 0, List.of(0), 0));
    // t-0 was planned from [0, 1] (as now); t-1 from [0, 2], but it is on [1, 2] now.
    PlanRevalidation.Outcome outcome =
        PlanRevalidation.calculate(
            plan, Map.of(T0, List.of(0, 1), T1, List.of(0, 2)), CLUSTER, Map.of());

    assertThat(outcome.kept()).containsExactly(plan.get(0));
    assertThat(outcome.dropped())
        .containsExactly(
            "t-1: dropped, its replicas are [1, 2] now and the plan was made when they were"
                + " [0, 2] (moved since by someone else)",
            "gone-0: dropped, topic gone no longer exists");
  }

  @Test
  void aMoveAlreadyDoneOrInFlightToItsTargetIsKeptAndAnotherInFlightIsDropped() {
    List<Reassignment> plan =
        List.of(
            new Reassignment("t", 0, List.of(0, 1), 0), // already at its target
            new Reassignment("t", 1, List.of(3, 2), 0));

    PlanRevalidation.Outcome adopted =
        PlanRevalidation.calculate(
            plan, Map.of(T0, List.of(2, 3), T1, List.of(0, 2)), CLUSTER, Map.of(T1, List.of(3, 2)));
    assertThat(adopted.kept()).isEqualTo(plan);

    PlanRevalidation.Outcome foreign =
        PlanRevalidation.calculate(plan, Map.of(), CLUSTER, Map.of(T1, List.of(0, 2)));
    assertThat(foreign.dropped())
        .containsExactly("t-1: dropped, another reassignment (to [0, 2]) is in flight");
  }

  @Test
  void aStepOfThePlansOwnMoveIsNotStale() {
    // Planned from [0, 1] to [2, 3]; the first step (one replica at a time) left it on [2, 1].
    ClusterDescription midway =
        new ClusterDescription(
            "c",
            0,
            CLUSTER.brokers(),
            Map.of(
                "t",
                List.of(new ClusterDescription.Partition(0, 2, List.of(2, 1), List.of(2, 1)))));
    List<Reassignment> plan = List.of(new Reassignment("t", 0, List.of(2, 3), 0));

    assertThat(PlanRevalidation.calculate(plan, Map.of(T0, List.of(0, 1)), midway, Map.of()).kept())
        .isEqualTo(plan);
  }

  @Test
  void aTargetBrokerThatLeftDropsTheMove() {
    PlanRevalidation.Outcome outcome =
        PlanRevalidation.calculate(
            List.of(new Reassignment("t", 0, List.of(0, 9), 0)), Map.of(), CLUSTER, Map.of());

    assertThat(outcome.kept()).isEmpty();
    assertThat(outcome.dropped())
        .containsExactly("t-0: dropped, its target broker 9 is no longer in the cluster");
  }
}
