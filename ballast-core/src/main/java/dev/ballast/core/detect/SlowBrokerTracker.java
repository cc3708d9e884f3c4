package dev.ballast.core.detect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides which brokers are slow from one latency figure per broker per round, by comparison with
 * the peers' median rather than a fixed threshold alone. Pure: the caller feeds rounds.
 */
public final class SlowBrokerTracker {

  private final SlowBrokerSettings settings;
  private final Map<Integer, Integer> slowRounds = new TreeMap<>();
  private final Map<Integer, Integer> fastRounds = new TreeMap<>();
  private final Set<Integer> slow = new TreeSet<>();
  private final Map<Integer, String> evidence = new TreeMap<>();

  /** Creates a tracker with {@code settings}. */
  public SlowBrokerTracker(SlowBrokerSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /**
   * Feeds one round: each broker's latency in ms (a broker that did not answer in time is given the
   * timeout). Brokers missing from the round keep their counters. Returns the slow brokers.
   */
  public Set<Integer> onRound(Map<Integer, Double> latencyMs) {
    if (latencyMs.size() < 2) {
      return slowBrokers(); // no peers to compare with
    }
    for (Map.Entry<Integer, Double> e : latencyMs.entrySet()) {
      int broker = e.getKey();
      double mine = e.getValue();
      double median = medianOfPeers(latencyMs, broker);
      boolean slowRound = mine > settings.minLatencyMs() && mine > settings.ratio() * median;
      boolean fastRound =
          mine <= Math.max(settings.minLatencyMs(), settings.recoverRatio() * median);
      slowRounds.put(broker, slowRound ? slowRounds.getOrDefault(broker, 0) + 1 : 0);
      fastRounds.put(broker, fastRound ? fastRounds.getOrDefault(broker, 0) + 1 : 0);
      if (!slow.contains(broker) && slowRounds.get(broker) >= settings.rounds()) {
        slow.add(broker);
        evidence.put(
            broker,
            String.format(
                java.util.Locale.ROOT,
                "canary latency %.0f ms vs peers' median %.1f ms for %d rounds",
                mine,
                median,
                slowRounds.get(broker)));
      } else if (slow.contains(broker) && fastRounds.get(broker) >= settings.rounds()) {
        slow.remove(broker);
        evidence.remove(broker);
      }
    }
    return slowBrokers();
  }

  /** Returns the brokers slow now. */
  public Set<Integer> slowBrokers() {
    return Collections.unmodifiableSet(new TreeSet<>(slow));
  }

  /**
   * Returns the brokers that were slow in their last round but are not (yet) slow: their load
   * figures may be distorted by the slowness, so a balancer should wait before acting on them.
   */
  public Set<Integer> suspects() {
    Set<Integer> out = new TreeSet<>();
    slowRounds.forEach(
        (b, n) -> {
          if (n > 0 && !slow.contains(b)) {
            out.add(b);
          }
        });
    return Collections.unmodifiableSet(out);
  }

  /** Returns why each slow broker is slow. */
  public Map<Integer, String> evidence() {
    return Map.copyOf(evidence);
  }

  /** Forgets a broker that left the cluster. */
  public void forget(int broker) {
    slow.remove(broker);
    slowRounds.remove(broker);
    fastRounds.remove(broker);
    evidence.remove(broker);
  }

  private static double medianOfPeers(Map<Integer, Double> latencyMs, int self) {
    List<Double> peers = new ArrayList<>();
    latencyMs.forEach(
        (b, v) -> {
          if (b != self) {
            peers.add(v);
          }
        });
    Collections.sort(peers);
    int n = peers.size();
    return n % 2 == 1 ? peers.get(n / 2) : (peers.get(n / 2 - 1) + peers.get(n / 2)) / 2;
  }
}
