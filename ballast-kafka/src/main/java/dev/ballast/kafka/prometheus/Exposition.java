package dev.ballast.kafka.prometheus;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One scrape of a Prometheus endpoint, parsed: its samples and the types its {@code # TYPE} lines
 * declared.
 *
 * @param samples the samples in the order they appeared
 * @param types the declared type (counter, gauge, untyped, ...) by metric family name
 */
public record Exposition(List<Sample> samples, Map<String, String> types) {

  /** Copies the collections. */
  public Exposition {
    samples = List.copyOf(samples);
    types = Map.copyOf(types);
  }

  /**
   * One sample line.
   *
   * @param name the metric name
   * @param labels the labels, unescaped
   * @param value the value (NaN and infinities allowed)
   * @param timestampMillis the optional timestamp in ms since the epoch, or null
   */
  public record Sample(
      String name, Map<String, String> labels, double value, Long timestampMillis) {

    /** Copies the labels. */
    public Sample {
      requireNonNull(name, "name");
      labels = Map.copyOf(labels);
    }

    /** Returns the value of label {@code label}, or null. */
    public String label(String label) {
      return labels.get(label);
    }
  }
}
