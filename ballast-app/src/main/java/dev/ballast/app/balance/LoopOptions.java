package dev.ballast.app.balance;

import dev.ballast.app.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Options of the balancer loop that runs until stopped ({@code balance}, {@code serve}); the
 * one-shot {@code drain} and {@code add-broker} do not take them.
 */
public final class LoopOptions {

  @Option(
      names = "--cooldown",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "No new plan this long after an execution (default: ${DEFAULT-VALUE}).")
  Duration cooldown;

  @Option(
      names = "--dead-broker-grace",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "Re-create a dead broker's replicas elsewhere after this long (default: ${DEFAULT-VALUE}).")
  Duration deadGrace;

  /** Returns {@code settings} with this loop's cooldown and dead-broker grace. */
  public BalancerSettings apply(BalancerSettings settings) {
    return settings.withTimings(cooldown, deadGrace);
  }
}
