package dev.ballast.app.cli;

import dev.ballast.workload.spec.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as users write them ({@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare
 * number is seconds) with {@link Durations}, the parser workload YAML uses too.
 */
public class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The same, refusing zero: for timeouts, intervals and periods, where 0 means nothing. */
  public static final class Positive implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
      try {
        return Durations.parsePositive(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
