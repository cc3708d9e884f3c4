package dev.ballast.core.detect;

/**
 * When a broker counts as slow: its canary latency stays above {@code ratio} times its peers'
 * median and above {@code minLatencyMs} for {@code rounds} rounds in a row; it recovers after
 * {@code rounds} rounds below {@code recoverRatio} times the median (hysteresis, so it never
 * flaps).
 *
 * @param ratio how many times the peers' median makes a round slow (e.g. 3)
 * @param minLatencyMs the absolute floor below which nothing is slow (e.g. 50 ms)
 * @param rounds consecutive rounds to become slow or to recover
 * @param recoverRatio a round counts toward recovery below this multiple of the median (e.g. 1.5)
 */
public record SlowBrokerSettings(
    double ratio, double minLatencyMs, int rounds, double recoverRatio) {

  /** Validates the settings. */
  public SlowBrokerSettings {
    if (!(ratio > 1)
        || !(recoverRatio >= 1)
        || recoverRatio >= ratio
        || minLatencyMs < 0
        || rounds < 1) {
      throw new IllegalArgumentException(
          "slow-broker settings need ratio > recoverRatio >= 1, minLatencyMs >= 0 and rounds >= 1");
    }
  }

  /** Returns the defaults: 3x the median and 50 ms, for 3 rounds; recover below 1.5x. */
  public static SlowBrokerSettings defaults() {
    return new SlowBrokerSettings(3.0, 50, 3, 1.5);
  }
}
