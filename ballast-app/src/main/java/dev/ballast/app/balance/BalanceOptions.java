package dev.ballast.app.balance;

import dev.ballast.app.cli.BandConverter;
import dev.ballast.app.cli.ByteRateConverter;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.GuardSettings;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The balancer's tuning options, shared by {@code balance}, {@code drain} and {@code add-broker}.
 */
public final class BalanceOptions {

  @Mixin PrometheusOption prometheus = new PrometheusOption();

  @Mixin MoveOrderOption moveOrder = new MoveOrderOption();

  @Mixin MaxProduceP99Option maxProduceP99 = new MaxProduceP99Option();

  @Option(
      names = "--dry-run",
      description =
          "Propose plans only, never move anything (balance --http-port: until a plan is"
              + " approved in the dashboard or API).")
  boolean dryRun;

  @Option(
      names = "--interval",
      defaultValue = "5s",
      converter = DurationConverter.Positive.class,
      description = "Time between load samples (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--samples",
      defaultValue = "3",
      description =
          "Samples in the load window; plans wait until it is full (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--throttle",
      defaultValue = "0",
      paramLabel = "BYTES_PER_SEC",
      converter = ByteRateConverter.class,
      description =
          "Replication throttle while moving, removed afterwards e.g. 10MB or 50MiB (default: none).")
  long throttle;

  @Option(
      names = "--max-moves-per-broker",
      defaultValue = "5",
      description = "Most moves in flight touching one broker (default: ${DEFAULT-VALUE}).")
  int maxMovesPerBroker;

  @Option(
      names = "--max-moves",
      defaultValue = "20",
      description = "Most moves in flight in the cluster (default: ${DEFAULT-VALUE}).")
  int maxMoves;

  @Option(
      names = "--no-canary",
      description = "Do not probe broker latency (no slow-broker detection).")
  boolean noCanary;

  @Option(
      names = "--band",
      defaultValue = "0.10",
      paramLabel = "BAND",
      converter = BandConverter.class,
      description =
          "Balanced means every broker within this band around the mean: 10%%, 10 or 0.10 all"
              + " mean +-10%%, as for plan (default: 10%%).")
  double band;

  /** Returns the service settings these options describe. */
  public BalancerSettings settings() {
    if (samples < 2) {
      throw new UserException(
          "--samples must be at least 2 (rates need two samples), not " + samples);
    }
    if (interval.isZero()) {
      throw new UserException("--interval must be positive");
    }
    if (maxMovesPerBroker < 1 || maxMoves < 1) {
      throw new UserException("--max-moves-per-broker and --max-moves must be at least 1");
    }
    if (!(band > 0 && band < 1)) {
      throw new UserException("--band must be between 0 and 1 (0.10 means +-10%), not " + band);
    }
    if (throttle < 0) {
      throw new UserException("--throttle must be >= 0 bytes/s");
    }
    if (maxProduceP99.isOn() && noCanary) {
      throw new UserException(
          "--max-produce-p99 reads the canary's produce latency: drop --no-canary");
    }
    BalancerSettings d = BalancerSettings.defaults();
    return d.withSampling(interval, samples)
        .withCanary(
            !noCanary,
            // The guard pools the canary's probes over 5 s: a round a second gives it 5 per broker.
            maxProduceP99.isOn() ? Duration.ofSeconds(1) : d.canaryInterval())
        .withDryRun(dryRun)
        .withPlanner(d.planner().withBand(band))
        .withPrometheus(prometheus.endpoints())
        .withExecutor(
            ExecutorSettings.defaults()
                .withLimits(maxMovesPerBroker, maxMoves)
                .withThrottle(throttle)
                .withOrder(moveOrder.order())
                .withLatencyGuard(maxProduceP99.limit(), GuardSettings.DEFAULT_WINDOW));
  }
}
