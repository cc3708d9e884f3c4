package dev.ballast.kafka.prometheus;

import java.util.Map;
import java.util.Set;

/**
 * The byte metrics found in one scrape of one endpoint.
 *
 * @param counters cumulative byte counts (rates come from two scrapes)
 * @param rates bytes/s as the exporter computed them (e.g. a one-minute rate)
 * @param dialects the exporters recognised by their per-topic series
 * @param brokerTotals recognised series without a topic label (broker totals), which are ignored
 */
public record BrokerTraffic(
    Map<TrafficKey, Double> counters,
    Map<TrafficKey, Double> rates,
    Set<Dialect> dialects,
    int brokerTotals) {

  /** Copies the collections. */
  public BrokerTraffic {
    counters = Map.copyOf(counters);
    rates = Map.copyOf(rates);
    dialects = Set.copyOf(dialects);
  }

  /** Returns whether the scrape held any per-topic byte series. */
  public boolean isEmpty() {
    return counters.isEmpty() && rates.isEmpty();
  }
}
