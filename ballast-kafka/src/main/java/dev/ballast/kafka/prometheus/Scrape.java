package dev.ballast.kafka.prometheus;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * One endpoint's answer to one scrape round.
 *
 * @param endpoint the URL scraped
 * @param nanos when it answered, from the sampler's clock (the request's midpoint)
 * @param traffic the byte series found, or null when the scrape failed
 * @param error why the scrape failed, or null
 */
public record Scrape(URI endpoint, long nanos, BrokerTraffic traffic, String error) {

  /** Validates that exactly one of traffic and error is set. */
  public Scrape {
    requireNonNull(endpoint, "endpoint");
    if ((traffic == null) == (error == null)) {
      throw new IllegalArgumentException("a scrape has either traffic or an error");
    }
  }

  /** Returns a successful scrape. */
  public static Scrape answered(URI endpoint, long nanos, BrokerTraffic traffic) {
    return new Scrape(endpoint, nanos, requireNonNull(traffic, "traffic"), null);
  }

  /** Returns a failed scrape. */
  public static Scrape failed(URI endpoint, long nanos, String error) {
    return new Scrape(endpoint, nanos, null, requireNonNull(error, "error"));
  }

  /** Returns whether the endpoint answered with parsable text. */
  public boolean ok() {
    return traffic != null;
  }
}
