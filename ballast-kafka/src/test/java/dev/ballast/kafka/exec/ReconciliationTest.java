package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** How a plan and a journal are reconciled with what the cluster shows, without a cluster. */
class ReconciliationTest {

  private static final TopicPartition T0 = new TopicPartition("t", 0);
  private static final TopicPartition T1 = new TopicPartition("t", 1);
  private static final TopicPartition T2 = new TopicPartition("t", 2);
  private static final TopicPartition T3 = new TopicPartition("t", 3);
  private static final Map<String, Map<Integer, List<Integer>>> NOW =
      Map.of("t", Map.of(0, List.of(0), 1, List.of(0), 2, List.of(2), 3, List.of(0)));

  @Test
  void aJournaledMoveStillInFlightIsBallastsOwnAndAdopted() {
    JournaledMove mine = new JournaledMove("t", 0, List.of(0), List.of(1), "host/1");

    Reconciliation.Outcome out =
        Reconciliation.calculateForJournal(List.of(mine), Map.of(T0, List.of(1)), NOW);

    assertThat(out.inFlight()).containsOnlyKeys(T0);
    assertThat(out.toForget()).isEmpty();
    assertThat(out.notes())
        .containsExactly("t-0: Ballast's own move to [1] (started by host/1), adopted");
  }

  @Test
  void journaledMovesThatEndedAreDoneOrLeftAloneAndForgotten() {
    List<JournaledMove> journaled =
        List.of(
            new JournaledMove("t", 2, List.of(0), List.of(2), "h"), // finished while away
            new JournaledMove("t", 1, List.of(0), List.of(1), "h"), // reverted by someone
            new JournaledMove("t", 3, List.of(0), List.of(1), "h")); // re-targeted by someone

    Reconciliation.Outcome out =
        Reconciliation.calculateForJournal(journaled, Map.of(T3, List.of(2)), NOW);

    assertThat(out.inFlight()).isEmpty();
    assertThat(out.done()).containsOnlyKeys(T2);
    assertThat(out.skipped()).isEqualTo(2);
    assertThat(out.toForget()).containsExactly(T2, T1, T3);
    assertThat(out.notes())
        .containsExactly(
            "t-2: Ballast's move to [2] finished meanwhile",
            "t-1: not at Ballast's target [1] (now [0]); reverted or changed by someone else, left"
                + " alone",
            "t-3: not at Ballast's target [1] (someone else reassigns it); reverted or changed by"
                + " someone else, left alone");
  }

  @Test
  void aPlanAdoptsItsOwnTargetsAndAJournaledStepLeavesOthersAlone() {
    List<Reassignment> plan =
        List.of(
            new Reassignment("t", 0, List.of(1), 0), // in flight to the plan's target
            new Reassignment("t", 1, List.of(2, 1), 0), // in flight to a journaled step
            new Reassignment("t", 2, List.of(2), 0), // at target
            new Reassignment("t", 3, List.of(1), 0)); // someone else moves it to [2]
    Map<TopicPartition, List<Integer>> ongoing =
        Map.of(
            T0,
            List.of(1),
            T1,
            List.of(0, 1),
            T3,
            List.of(2),
            new TopicPartition("u", 0),
            List.of(1));
    Map<TopicPartition, JournaledMove> journaled =
        Map.of(T1, new JournaledMove("t", 1, List.of(0), List.of(0, 1), "h"));

    Reconciliation.Outcome out =
        Reconciliation.calculateForPlan(plan, ongoing, NOW, journaled, "me");

    assertThat(out.inFlight()).containsOnlyKeys(T0, T1);
    assertThat(out.pending()).isEmpty();
    assertThat(out.skipped()).isEqualTo(2);
    assertThat(out.toRecord()).extracting(JournaledMove::topicPartition).containsExactly(T0);
    assertThat(out.notes())
        .contains(
            "t-3: someone else is reassigning it to [2]; left alone",
            "u-0: a reassignment not in this plan is in flight; left alone");
  }

  @Test
  void aPlanWithNothingInFlightIsAllPending() {
    Reconciliation.Outcome out =
        Reconciliation.calculateForPlan(
            List.of(new Reassignment("t", 0, List.of(1), 0)), Map.of(), NOW, Map.of(), "me");

    assertThat(out.pending()).containsOnlyKeys(T0);
    assertThat(out.notes()).isEmpty();
  }
}
