package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * How the executor shapes its moves, pure: a move goes in steps that add at most one replica each
 * (a partition never has more than RF+1 replicas, Cruise Control #2359), and each batch takes moves
 * round-robin over the brokers they touch, starting from a broker that rotates from batch to batch,
 * so no single broker takes every early move (#2382).
 */
final class MoveShaping {

  private MoveShaping() {}

  /**
   * A move the next batch may take.
   *
   * @param partition the partition
   * @param step the replicas to reassign it to now (a step towards its target)
   * @param touched the brokers that gain or lose a replica in this step; empty for leadership only
   * @param bytes the bytes the move copies, when known
   * @param underReplicated whether the partition has a replica out of sync now
   */
  record Candidate(
      TopicPartition partition,
      List<Integer> step,
      Set<Integer> touched,
      long bytes,
      boolean underReplicated) {

    /** Validates and copies. */
    Candidate {
      requireNonNull(partition, "partition");
      step = List.copyOf(step);
      touched = Set.copyOf(touched);
    }
  }

  /**
   * Returns the next replica list on the way from {@code now} to {@code target}: {@code target}
   * itself when it adds at most one replica, else {@code now} with one replica that leaves replaced
   * (in place, the leader last) by the first one that joins.
   */
  static List<Integer> calculateNextStep(List<Integer> now, List<Integer> target) {
    List<Integer> joining = target.stream().filter(b -> !now.contains(b)).toList();
    if (joining.size() <= 1) {
      return List.copyOf(target);
    }
    List<Integer> step = new ArrayList<>(now);
    int leaving = -1;
    for (int i = now.size() - 1; i >= 0; i--) {
      if (!target.contains(now.get(i))) {
        leaving = i;
        break;
      }
    }
    if (leaving < 0) {
      step.add(joining.get(0)); // the replication factor grows: add one at a time
    } else {
      step.set(leaving, joining.get(0));
    }
    return List.copyOf(step);
  }

  /** Returns {@code candidates} in {@code order}; ties keep their given order. Pure. */
  static List<Candidate> calculateOrder(List<Candidate> candidates, MoveOrder order) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    switch (order) {
      case SMALL_FIRST -> sorted.sort(Comparator.comparingLong(Candidate::bytes));
      case LARGE_FIRST -> sorted.sort(Comparator.comparingLong(Candidate::bytes).reversed());
      case UNDER_REPLICATED_FIRST ->
          sorted.sort(Comparator.comparing((Candidate c) -> !c.underReplicated()));
      case PLAN -> {}
    }
    return sorted;
  }

  /**
   * Returns the candidates of the next batch, in submission order: every leadership-only change,
   * and data moves taken round-robin over the brokers they touch (starting at broker number {@code
   * rotation} of the sorted list) while no broker exceeds {@code perBroker} moves and the batch
   * {@code inCluster}. Within one broker's turn the first fitting candidate in the given order
   * wins.
   */
  static List<Candidate> calculateBatch(
      List<Candidate> ordered, int perBroker, int inCluster, int rotation) {
    return calculateBatch(ordered, perBroker, inCluster, rotation, Map.of());
  }

  /**
   * Returns the batch of {@link #calculateBatch(List, int, int, int)} when {@code busy} moves per
   * broker are in flight already (they count towards {@code perBroker}).
   */
  static List<Candidate> calculateBatch(
      List<Candidate> ordered,
      int perBroker,
      int inCluster,
      int rotation,
      Map<Integer, Integer> busy) {
    List<Candidate> batch = new ArrayList<>();
    List<Candidate> data = new ArrayList<>();
    for (Candidate c : ordered) {
      (c.touched().isEmpty() ? batch : data).add(c);
    }
    TreeSet<Integer> all = new TreeSet<>();
    data.forEach(c -> all.addAll(c.touched()));
    List<Integer> brokers = new ArrayList<>(all);
    if (brokers.isEmpty()) {
      return batch;
    }
    int start = Math.floorMod(rotation, brokers.size());
    List<Integer> turns = new ArrayList<>(brokers.subList(start, brokers.size()));
    turns.addAll(brokers.subList(0, start));
    Map<Integer, Integer> load = new HashMap<>(busy);
    Map<TopicPartition, Candidate> left = new LinkedHashMap<>();
    data.forEach(c -> left.put(c.partition(), c));
    int taken = 0;
    boolean progress = true;
    while (progress && taken < inCluster) {
      progress = false;
      for (int b : turns) {
        if (taken >= inCluster) {
          break;
        }
        Candidate pick = firstFitting(left.values(), b, load, perBroker);
        if (pick != null) {
          left.remove(pick.partition());
          pick.touched().forEach(t -> load.merge(t, 1, Integer::sum));
          batch.add(pick);
          taken++;
          progress = true;
        }
      }
    }
    return batch;
  }

  private static Candidate firstFitting(
      Iterable<Candidate> left, int broker, Map<Integer, Integer> load, int perBroker) {
    for (Candidate c : left) {
      if (c.touched().contains(broker)
          && c.touched().stream().allMatch(t -> load.getOrDefault(t, 0) < perBroker)) {
        return c;
      }
    }
    return null;
  }
}
