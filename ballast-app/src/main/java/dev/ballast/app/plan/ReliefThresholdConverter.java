package dev.ballast.app.plan;

import dev.ballast.core.relieve.ReliefThreshold;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --only-relieve} ({@code network-in>80%}, {@code disk>500GB}) for every command. */
public final class ReliefThresholdConverter implements ITypeConverter<ReliefThreshold> {

  @Override
  public ReliefThreshold convert(String value) {
    try {
      return ReliefThreshold.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
