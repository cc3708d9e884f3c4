package dev.ballast.app.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --band}, the same in every command: {@code 10%}, {@code 10} and {@code 0.10} all
 * mean within 10% of the mean (a bare number below 1 is a fraction, from 1 up a percentage).
 * Returns the fraction; {@link Percent} returns the percentage for options that hold one.
 */
public class BandConverter implements ITypeConverter<Double> {

  private static final Pattern BAND = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(%)?");

  @Override
  public Double convert(String value) {
    return fraction(value);
  }

  /** Returns the band {@code value} means as a fraction in (0, 1), or throws naming the forms. */
  static double fraction(String value) {
    Matcher m = BAND.matcher(value == null ? "" : value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a band; write a percentage (10%) or a fraction (0.10)");
    }
    double n = Double.parseDouble(m.group(1));
    double fraction = m.group(2) != null || n >= 1 ? n / 100 : n;
    if (!(fraction > 0 && fraction < 1)) {
      throw new TypeConversionException(
          "'" + value + "' is not a band between 0% and 100% (e.g. 10% or 0.10)");
    }
    return fraction;
  }

  /** The same band as a percentage (10% gives 10.0), for options that hold percent. */
  public static final class Percent implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
      return fraction(value) * 100;
    }
  }
}
