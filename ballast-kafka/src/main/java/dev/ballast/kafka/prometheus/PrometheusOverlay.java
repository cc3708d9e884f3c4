package dev.ballast.kafka.prometheus;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadOverlay;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Bytes in/out measured by the brokers' Prometheus endpoints over the sampler's window: scrapes
 * every endpoint once per sample, keeps as many rounds as the window keeps samples, and lays the
 * rates over the offset-based estimate ({@link MeasuredLoad}).
 */
public final class PrometheusOverlay implements LoadOverlay {

  private final PrometheusScraper scraper;
  private final int capacity;
  private final Deque<List<Scrape>> rounds = new ArrayDeque<>();
  private MeasuredTraffic last;

  /** Creates an overlay over {@code scraper} that keeps {@code capacity} rounds (the window). */
  public PrometheusOverlay(PrometheusScraper scraper, int capacity) {
    this.scraper = requireNonNull(scraper, "scraper");
    if (capacity < 2) {
      throw new IllegalArgumentException("rates need at least 2 scrapes, not " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Returns an overlay that scrapes {@code endpoints} with the default timeout, keeping {@code
   * capacity} rounds, stamped with {@code nanoClock}.
   */
  public static PrometheusOverlay scraping(
      List<URI> endpoints, int capacity, LongSupplier nanoClock) {
    return new PrometheusOverlay(
        new PrometheusScraper(endpoints, PrometheusScraper.DEFAULT_TIMEOUT, nanoClock), capacity);
  }

  @Override
  public void sample() {
    rounds.addLast(scraper.scrape());
    while (rounds.size() > capacity) {
      rounds.removeFirst();
    }
  }

  @Override
  public LoadEstimate apply(LoadEstimate estimate) {
    if (rounds.size() < 2) {
      return estimate;
    }
    last = TrafficRates.calculate(new ArrayList<>(rounds));
    return MeasuredLoad.overlay(estimate, last);
  }

  @Override
  public void clear() {
    rounds.clear();
    last = null;
  }

  /** Returns what the last window measured, once two rounds were scraped. */
  public Optional<MeasuredTraffic> lastMeasured() {
    return Optional.ofNullable(last);
  }
}
