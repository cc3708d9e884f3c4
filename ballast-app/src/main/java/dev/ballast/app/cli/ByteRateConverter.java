package dev.ballast.app.cli;

import dev.ballast.workload.spec.ByteSizes;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses bytes per second as users write them ({@code 125000000}, {@code 10MB}, {@code 100MiB},
 * {@code 1.5GB/s}) with {@link ByteSizes}, for every rate option ({@code --throttle}, capacities).
 */
public final class ByteRateConverter implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    try {
      return ByteSizes.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
