package dev.ballast.kafka.prometheus;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a window of scrape rounds into bytes/s per topic or partition, summed over the endpoints;
 * pure arithmetic, no I/O.
 *
 * <ul>
 *   <li>a counter's rate is its increase over the endpoint's answered scrapes divided by the time
 *       between the first and the last; a drop is a reset (the broker restarted) and the value
 *       after it counts as the increase, as Prometheus' {@code increase()} does; a series that
 *       appears in the window starts from 0 (Kafka creates topic metrics on first use);
 *   <li>an exporter's own rate (a gauge in bytes/s) is averaged over the answered scrapes;
 *   <li>a counter is preferred over a gauge for the same key: it is exact over the window.
 * </ul>
 *
 * <p>An endpoint that failed the latest round, answered fewer than two scrapes, or exposes no Kafka
 * byte metric at all is a problem: the figures would be partial, so the caller falls back.
 */
public final class TrafficRates {

  private TrafficRates() {}

  /**
   * Returns the measured traffic of {@code rounds} (oldest first, one scrape per endpoint each).
   */
  public static MeasuredTraffic calculate(List<List<Scrape>> rounds) {
    Map<URI, List<Scrape>> byEndpoint = new LinkedHashMap<>();
    for (List<Scrape> round : rounds) {
      for (Scrape s : round) {
        byEndpoint.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s);
      }
    }
    Map<TrafficKey, Double> total = new HashMap<>();
    Set<Dialect> dialects = EnumSet.noneOf(Dialect.class);
    List<String> problems = new ArrayList<>();
    byEndpoint.forEach(
        (endpoint, scrapes) -> {
          String problem = problem(endpoint, scrapes, rounds.size());
          if (problem != null) {
            problems.add(problem);
            return;
          }
          List<BrokerTraffic> answered = new ArrayList<>();
          List<Long> nanos = new ArrayList<>();
          for (Scrape s : scrapes) {
            if (s.ok()) {
              answered.add(s.traffic());
              nanos.add(s.nanos());
              dialects.addAll(s.traffic().dialects());
            }
          }
          double seconds = (nanos.get(nanos.size() - 1) - nanos.get(0)) / 1e9;
          endpointRates(answered, seconds).forEach((k, v) -> total.merge(k, v, Double::sum));
        });
    return new MeasuredTraffic(total, dialects, byEndpoint.size(), problems);
  }

  /** Returns why {@code endpoint}'s scrapes cannot be used, or null when they can. */
  private static String problem(URI endpoint, List<Scrape> scrapes, int rounds) {
    Scrape latest = scrapes.get(scrapes.size() - 1);
    if (!latest.ok()) {
      return endpoint + ": " + latest.error();
    }
    long answered = scrapes.stream().filter(Scrape::ok).count();
    if (answered < 2) {
      return endpoint + ": answered " + answered + " of " + rounds + " scrapes in the window";
    }
    boolean known =
        scrapes.stream()
            .filter(Scrape::ok)
            .anyMatch(s -> !s.traffic().isEmpty() || s.traffic().brokerTotals() > 0);
    return known
        ? null
        : endpoint
            + ": no Kafka byte metrics Ballast understands (understood: "
            + understood()
            + ")";
  }

  /** Returns bytes/s per key from one endpoint's answered scrapes spanning {@code seconds}. */
  static Map<TrafficKey, Double> endpointRates(List<BrokerTraffic> scrapes, double seconds) {
    Map<TrafficKey, Double> out = new HashMap<>();
    Set<TrafficKey> counted = new HashSet<>();
    scrapes.forEach(s -> counted.addAll(s.counters().keySet()));
    if (seconds > 0) {
      for (TrafficKey key : counted) {
        double increase = 0;
        for (int i = 1; i < scrapes.size(); i++) {
          Double before = scrapes.get(i - 1).counters().get(key);
          Double after = scrapes.get(i).counters().get(key);
          if (after == null) {
            continue; // the series vanished (topic deleted, leadership gone): nothing to add
          }
          double base = before == null ? 0 : before;
          increase += after >= base ? after - base : after; // a drop is a counter reset
        }
        out.put(key, increase / seconds);
      }
    }
    Set<TrafficKey> gauged = new HashSet<>();
    scrapes.forEach(s -> gauged.addAll(s.rates().keySet()));
    gauged.removeAll(counted);
    for (TrafficKey key : gauged) {
      double sum = 0;
      for (BrokerTraffic s : scrapes) {
        sum += s.rates().getOrDefault(key, 0.0);
      }
      out.put(key, sum / scrapes.size());
    }
    return out;
  }

  /** Returns the dialects' names, for messages. */
  public static String understood() {
    List<String> names = new ArrayList<>();
    for (Dialect d : Dialect.values()) {
      names.add(d.label());
    }
    return String.join(", ", names);
  }
}
