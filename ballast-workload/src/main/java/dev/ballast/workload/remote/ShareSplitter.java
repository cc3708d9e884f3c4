package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a run's producers and consumers over workers. Producers are dealt round-robin; when there
 * are fewer producers than workers, each is first cut into {@code ceil(workers / producers)} pieces
 * of an equal share of its rate, so every worker sends and the total rate is kept. Consumers are
 * dealt round-robin (their group spreads partitions over them). Pure.
 */
public final class ShareSplitter {

  private ShareSplitter() {}

  /** Returns each worker's producers (every worker id is a key, possibly with none). */
  public static Map<String, List<ProducerShare>> splitProducers(
      List<ProducerShare> producers, List<String> workers) {
    requireNonEmpty(workers);
    int pieces =
        producers.isEmpty() ? 1 : Math.max(1, -Math.floorDiv(-workers.size(), producers.size()));
    List<ProducerShare> cut = new ArrayList<>();
    for (ProducerShare p : producers) {
      for (int i = 0; i < pieces; i++) {
        cut.add(pieces == 1 ? p : piece(p, i, pieces));
      }
    }
    return deal(cut, workers);
  }

  /** Returns each worker's consumers (every worker id is a key, possibly with none). */
  public static Map<String, List<ConsumerShare>> splitConsumers(
      List<ConsumerShare> consumers, List<String> workers) {
    requireNonEmpty(workers);
    return deal(consumers, workers);
  }

  private static ProducerShare piece(ProducerShare p, int index, int pieces) {
    return new ProducerShare(
        p.name() + "-part-" + index,
        p.topic(),
        p.shape().scaled(1.0 / pieces),
        p.unit(),
        p.messageSize(),
        p.keys(),
        p.keyCount(),
        p.hotKeyFraction(),
        p.partitionWeights(),
        p.clientConfig());
  }

  private static <T> Map<String, List<T>> deal(List<T> items, List<String> workers) {
    Map<String, List<T>> shares = new LinkedHashMap<>();
    workers.forEach(w -> shares.put(requireNonNull(w, "worker id"), new ArrayList<>()));
    for (int i = 0; i < items.size(); i++) {
      shares.get(workers.get(i % workers.size())).add(items.get(i));
    }
    return shares;
  }

  private static void requireNonEmpty(List<String> workers) {
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("no workers to split the run over");
    }
  }
}
