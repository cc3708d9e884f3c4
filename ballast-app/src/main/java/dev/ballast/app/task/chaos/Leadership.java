package dev.ballast.app.task.chaos;

import dev.ballast.kafka.ClusterDescription.Partition;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Pure questions about a topic's partitions: who leads, who is in sync, is leadership even. */
public final class Leadership {

  private Leadership() {}

  /** Returns whether every partition has a leader among {@code live} brokers. */
  public static boolean allLedBy(Collection<Partition> partitions, Set<Integer> live) {
    return !partitions.isEmpty()
        && partitions.stream().allMatch(p -> p.leader() >= 0 && live.contains(p.leader()));
  }

  /** Returns whether {@code broker} is in the ISR of every partition it holds a replica of. */
  public static boolean inEveryIsr(Collection<Partition> partitions, int broker) {
    return !partitions.isEmpty()
        && partitions.stream()
            .filter(p -> p.replicas().contains(broker))
            .allMatch(p -> p.isr().contains(broker));
  }

  /** Returns how many partitions each of {@code brokers} leads (zero included), by broker id. */
  public static Map<Integer, Integer> leadersPerBroker(
      Collection<Partition> partitions, Collection<Integer> brokers) {
    Map<Integer, Integer> counts = new TreeMap<>();
    brokers.forEach(b -> counts.put(b, 0));
    partitions.stream()
        .filter(p -> p.leader() >= 0)
        .forEach(p -> counts.merge(p.leader(), 1, Integer::sum));
    return counts;
  }

  /**
   * Returns whether leadership is even: the most and the fewest leaders of any broker differ by at
   * most one, or by at most 10% of the mean when brokers lead many partitions.
   */
  public static boolean balanced(Map<Integer, Integer> leadersPerBroker) {
    if (leadersPerBroker.isEmpty()) {
      return false;
    }
    int max = leadersPerBroker.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int min = leadersPerBroker.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    double mean =
        leadersPerBroker.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    return max - min <= Math.max(1, (int) Math.ceil(0.1 * mean));
  }

  /** Returns the broker leading the most partitions (the lowest id on a tie), or -1 for none. */
  public static int busiest(Map<Integer, Integer> leadersPerBroker) {
    int best = -1;
    int most = -1;
    for (Map.Entry<Integer, Integer> e : new TreeMap<>(leadersPerBroker).entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }
}
