package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.kafka.exec.MoveShaping.Candidate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Steps of one replica at a time, batches rotating over brokers, and the orders, without I/O. */
class MoveShapingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // now   | target  | steps, each what the partition is reassigned to
        "0,1,2   | 3,4,5   | 0,1,3 ; 0,4,3 ; 3,4,5",
        "0,1,2   | 1,2,3   | 1,2,3",
        "0,1     | 2,0     | 2,0",
        "0       | 0,1,2   | 0,1 ; 0,1,2",
        "0,1,2   | 2,1,0   | 2,1,0",
        "0,1,2,3 | 4,5,6,7 | 0,1,2,4 ; 0,1,5,4 ; 0,6,5,4 ; 4,5,6,7",
      })
  void aMoveGoesOneExtraReplicaAtATime(String now, String target, String steps) {
    List<Integer> replicas = ints(now);
    List<Integer> goal = ints(target);
    List<String> taken = new ArrayList<>();
    while (!replicas.equals(goal)) {
      List<Integer> step = MoveShaping.calculateNextStep(replicas, goal);
      Set<Integer> inFlight = new HashSet<>(replicas);
      inFlight.addAll(step);
      assertThat(inFlight.size()).as("replicas while moving").isLessThanOrEqualTo(goal.size() + 1);
      taken.add(String.join(",", step.stream().map(String::valueOf).toList()));
      replicas = step;
      assertThat(taken).hasSizeLessThanOrEqualTo(goal.size() + 1);
    }
    assertThat(String.join(" ; ", taken)).isEqualTo(steps.trim());
  }

  @Test
  void everyRandomMoveReachesItsTargetWithAtMostOneExtraReplica() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      int rf = 1 + random.nextInt(4);
      List<Integer> brokers = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
      java.util.Collections.shuffle(brokers, random);
      List<Integer> now = brokers.subList(0, rf);
      java.util.Collections.shuffle(brokers, random);
      List<Integer> target = List.copyOf(brokers.subList(0, rf));
      List<Integer> replicas = now;
      for (int steps = 0; !replicas.equals(target); steps++) {
        assertThat(steps).as(now + " -> " + target).isLessThanOrEqualTo(rf);
        List<Integer> before = replicas;
        List<Integer> step = MoveShaping.calculateNextStep(before, target);
        assertThat(step.stream().filter(b -> !before.contains(b)).count()).isLessThanOrEqualTo(1);
        assertThat(new HashSet<>(step)).hasSize(step.size());
        replicas = step;
      }
    }
  }

  @Test
  void aBatchRotatesOverBrokersInsteadOfFillingTheFirstOne() {
    // six moves into broker 0 come first in the plan, then one into each of 1, 2 and 3
    List<Candidate> plan = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      plan.add(move(i, Set.of(0, 9), 10));
    }
    plan.add(move(6, Set.of(1, 9), 10));
    plan.add(move(7, Set.of(2, 8), 10));
    plan.add(move(8, Set.of(3, 8), 10));

    List<Candidate> batch = MoveShaping.calculateBatch(plan, 2, 4, 0);

    assertThat(partitions(batch))
        .as("one move into each of 0, 1, 2, 3")
        .containsExactly(0, 6, 7, 8);
    Map<Integer, Integer> perBroker = new HashMap<>();
    batch.forEach(c -> c.touched().forEach(b -> perBroker.merge(b, 1, Integer::sum)));
    assertThat(perBroker.values()).allMatch(n -> n <= 2);
  }

  @Test
  void theFirstBrokerOfEachBatchRotates() {
    List<Candidate> plan =
        List.of(move(0, Set.of(0), 1), move(1, Set.of(1), 1), move(2, Set.of(2), 1));

    assertThat(partitions(MoveShaping.calculateBatch(plan, 1, 1, 0))).containsExactly(0);
    assertThat(partitions(MoveShaping.calculateBatch(plan, 1, 1, 1))).containsExactly(1);
    assertThat(partitions(MoveShaping.calculateBatch(plan, 1, 1, 5))).containsExactly(2);
  }

  @Test
  void movesInFlightCountTowardsTheirBrokersLimit() {
    List<Candidate> plan =
        List.of(move(0, Set.of(0, 1), 1), move(1, Set.of(0, 2), 1), move(2, Set.of(1, 2), 1));

    // broker 0 is busy with one move already: only the move that spares it may start
    assertThat(partitions(MoveShaping.calculateBatch(plan, 1, 3, 0, Map.of(0, 1))))
        .containsExactly(2);
    assertThat(partitions(MoveShaping.calculateBatch(plan, 1, 3, 0, Map.of()))).hasSize(1);
  }

  @Test
  void leadershipOnlyChangesAlwaysGoAndCountAgainstNoLimit() {
    List<Candidate> plan =
        List.of(move(0, Set.of(0, 1), 5), move(1, Set.of(), 0), move(2, Set.of(0, 1), 5));

    assertThat(partitions(MoveShaping.calculateBatch(plan, 1, 1, 0))).containsExactly(1, 0);
  }

  @Test
  void theOrdersPutSmallLargeOrUnderReplicatedMovesFirst() {
    Candidate big = move(0, Set.of(0), 900);
    Candidate small = move(1, Set.of(1), 5);
    Candidate urp =
        new Candidate(new TopicPartition("t", 2), List.of(2), Set.of(2), 50, /* under= */ true);
    List<Candidate> plan = List.of(big, small, urp);

    assertThat(partitions(MoveShaping.calculateOrder(plan, MoveOrder.PLAN)))
        .containsExactly(0, 1, 2);
    assertThat(partitions(MoveShaping.calculateOrder(plan, MoveOrder.SMALL_FIRST)))
        .containsExactly(1, 2, 0);
    assertThat(partitions(MoveShaping.calculateOrder(plan, MoveOrder.LARGE_FIRST)))
        .containsExactly(0, 2, 1);
    assertThat(partitions(MoveShaping.calculateOrder(plan, MoveOrder.UNDER_REPLICATED_FIRST)))
        .containsExactly(2, 0, 1);
  }

  @Test
  void anOrderIsNamedAsOnTheCommandLine() {
    assertThat(MoveOrder.parse("under-replicated-first"))
        .isEqualTo(MoveOrder.UNDER_REPLICATED_FIRST);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MoveOrder.parse("fast"))
        .hasMessage(
            "--move-order must be one of plan, small-first, large-first, under-replicated-first,"
                + " not 'fast'");
  }

  private static Candidate move(int partition, Set<Integer> touched, long bytes) {
    return new Candidate(
        new TopicPartition("t", partition), List.of(partition), touched, bytes, false);
  }

  private static List<Integer> partitions(List<Candidate> batch) {
    return batch.stream().map(c -> c.partition().partition()).toList();
  }

  private static List<Integer> ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.trim().split(",")) {
      out.add(Integer.parseInt(s.trim()));
    }
    return out;
  }
}
