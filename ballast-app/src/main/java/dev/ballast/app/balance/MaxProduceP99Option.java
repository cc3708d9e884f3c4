package dev.ballast.app.balance;

import dev.ballast.app.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The {@code --max-produce-p99} option (the executor's latency guard) of every executing command.
 */
public final class MaxProduceP99Option {

  @Option(
      names = "--max-produce-p99",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      description =
          "Latency guard while moving, e.g. 50ms: the canary's produce p99 is read every 5 s;"
              + " over this limit (or when partitions outside the moves drop out of sync) the"
              + " moves in flight and the replication throttle are halved, under it one move and"
              + " a tenth of the throttle are added, up to --max-moves and --throttle (100 MB/s"
              + " without one). Starts at 1 move. Default: off.")
  Duration limit;

  /** Returns the limit, or zero when the guard is off. */
  public Duration limit() {
    return limit == null ? Duration.ZERO : limit;
  }

  /** Returns whether the guard is on. */
  public boolean isOn() {
    return limit != null;
  }
}
