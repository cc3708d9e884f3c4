package dev.ballast.kafka.prometheus;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bytes/s per topic or partition measured over a window, summed over every endpoint.
 *
 * @param bytesPerSec the measured rates; keys without traffic may be absent
 * @param dialects the exporters recognised
 * @param endpoints how many endpoints were scraped
 * @param problems why the figures cannot be trusted (an endpoint failed); empty when they can
 */
public record MeasuredTraffic(
    Map<TrafficKey, Double> bytesPerSec,
    Set<Dialect> dialects,
    int endpoints,
    List<String> problems) {

  /** Copies the collections. */
  public MeasuredTraffic {
    bytesPerSec = Map.copyOf(bytesPerSec);
    dialects = Set.copyOf(dialects);
    problems = List.copyOf(problems);
  }

  /** Returns whether every endpoint answered usefully, so the figures can replace estimates. */
  public boolean usable() {
    return problems.isEmpty();
  }

  /** Returns a one-line description of the source, e.g. for a command's output. */
  public String describe() {
    String found =
        dialects.isEmpty()
            ? "no per-topic series yet"
            : dialects.stream().map(Dialect::label).sorted().collect(Collectors.joining(", "));
    return "bytes in/out measured by Prometheus (" + found + ") at " + endpoints + " endpoint(s)";
  }
}
