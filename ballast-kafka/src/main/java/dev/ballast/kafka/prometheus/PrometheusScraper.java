package dev.ballast.kafka.prometheus;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Scrapes every endpoint once per {@link #scrape()}, all at the same time, each bounded by a short
 * timeout; a failure is a {@link Scrape} with the reason, never an exception.
 */
public final class PrometheusScraper {

  /** The timeout used when none is given: scrapes must not hold up a sampling round. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";

  private final List<URI> endpoints;
  private final Duration timeout;
  private final LongSupplier nanoClock;
  private final HttpClient http;

  /** Creates a scraper of {@code endpoints} that stamps answers with {@code nanoClock}. */
  public PrometheusScraper(List<URI> endpoints, Duration timeout, LongSupplier nanoClock) {
    this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
    if (this.endpoints.isEmpty()) {
      throw new IllegalArgumentException("no Prometheus endpoints to scrape");
    }
    this.timeout = requireNonNull(timeout, "timeout");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Returns the endpoints scraped. */
  public List<URI> endpoints() {
    return endpoints;
  }

  /** Scrapes every endpoint; returns one {@link Scrape} per endpoint, in endpoint order. */
  public List<Scrape> scrape() {
    List<CompletableFuture<Scrape>> pending = new ArrayList<>();
    for (URI endpoint : endpoints) {
      pending.add(scrape(endpoint));
    }
    List<Scrape> out = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      out.add(await(endpoints.get(i), pending.get(i)));
    }
    return out;
  }

  private CompletableFuture<Scrape> scrape(URI endpoint) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint).timeout(timeout).header("Accept", ACCEPT).GET().build();
    long sent = nanoClock.getAsLong();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              long nanos = sent + (nanoClock.getAsLong() - sent) / 2;
              if (failure != null) {
                return Scrape.failed(endpoint, nanos, describe(failure));
              }
              if (response.statusCode() != 200) {
                return Scrape.failed(endpoint, nanos, "HTTP " + response.statusCode());
              }
              try {
                return Scrape.answered(
                    endpoint, nanos, TrafficMapper.map(ExpositionParser.parse(response.body())));
              } catch (ExpositionException e) {
                return Scrape.failed(endpoint, nanos, "not Prometheus text: " + e.getMessage());
              }
            });
  }

  private Scrape await(URI endpoint, CompletableFuture<Scrape> pending) {
    try {
      return pending.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return Scrape.failed(endpoint, nanoClock.getAsLong(), "no answer within " + timeout);
    } catch (ExecutionException e) {
      return Scrape.failed(endpoint, nanoClock.getAsLong(), describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Scrape.failed(endpoint, nanoClock.getAsLong(), "interrupted");
    }
  }

  private String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + timeout;
      }
      if (t instanceof ConnectException) {
        return t.getMessage() == null ? "connection refused" : "cannot connect: " + t.getMessage();
      }
    }
    Throwable t = failure;
    while (t.getCause() != null && (t instanceof CompletionException || t.getMessage() == null)) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : ": " + t.getMessage();
    return (t instanceof IOException ? "I/O error" : t.getClass().getSimpleName()) + message;
  }
}
