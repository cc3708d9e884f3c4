package dev.ballast.workload.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.ballast.workload.message.MessageSizes;

/**
 * A message size: a plain number of bytes ({@code messageSize: 100}) or a distribution ({@code
 * {distribution: uniform, min: 100, max: 1000}} or {@code {distribution: normal, mean: 500, stddev:
 * 100, min: 1, max: 4096}}).
 */
public record MessageSizeSpec(
    String distribution, Integer size, Integer min, Integer max, Double mean, Double stddev) {

  /** Validates the fields the distribution needs. */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public MessageSizeSpec {
    if (distribution == null) {
      distribution = "fixed";
    }
    switch (distribution) {
      case "fixed" -> {
        if (size == null || size < 0) {
          throw new InvalidFieldException("size", "a fixed size needs size >= 0, got " + size);
        }
      }
      case "uniform" -> {
        if (min == null || max == null || min < 0 || max < min) {
          throw new InvalidFieldException(
              "min", "a uniform size needs 0 <= min <= max, got min " + min + ", max " + max);
        }
      }
      case "normal" -> {
        if (mean == null || stddev == null || stddev < 0) {
          throw new InvalidFieldException(
              "mean", "a normal size needs mean and stddev >= 0, got " + mean + ", " + stddev);
        }
        min = min == null ? 0 : min;
        max = max == null ? (int) Math.ceil(mean + 6 * stddev) : max;
        if (min < 0 || max < min || mean < min || mean > max) {
          throw new InvalidFieldException(
              "max", "a normal size needs 0 <= min <= mean <= max, got " + min + ".." + max);
        }
      }
      default ->
          throw new InvalidFieldException(
              "distribution", "'" + distribution + "' is not one of fixed, uniform, normal");
    }
  }

  /** Returns a fixed size of {@code bytes}; lets YAML write {@code messageSize: 100}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static MessageSizeSpec fixed(int bytes) {
    return new MessageSizeSpec("fixed", bytes, null, null, null, null);
  }

  /** Returns the sizes this spec describes, seeded with {@code seed}. */
  public MessageSizes toSizes(long seed) {
    return switch (distribution) {
      case "fixed" -> MessageSizes.fixed(size);
      case "uniform" -> MessageSizes.uniform(min, max, seed);
      default -> MessageSizes.normal(mean, stddev, min, max, seed);
    };
  }
}
