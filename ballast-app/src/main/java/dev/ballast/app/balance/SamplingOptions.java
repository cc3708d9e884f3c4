package dev.ballast.app.balance;

import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --samples} and {@code --interval}: how a live cluster's load is sampled. */
public final class SamplingOptions {

  @Option(
      names = "--samples",
      defaultValue = "3",
      description = "Samples to take (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--interval",
      defaultValue = "5s",
      converter = DurationConverter.Positive.class,
      description = "Time between samples (default: ${DEFAULT-VALUE}).")
  Duration interval;

  /** Returns the number of samples, failing with one line below two. */
  public int samples() {
    if (samples < 2) {
      throw new UserException("--samples must be at least 2 (rates need two samples)");
    }
    return samples;
  }

  /** Returns the time between samples. */
  public Duration interval() {
    return interval;
  }
}
