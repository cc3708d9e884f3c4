package dev.ballast.app.scenario;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How scenarios run.
 *
 * @param quick lower rates and shorter phases (tests)
 * @param resultsRoot where {@code <scenario>-<timestamp>/} folders go
 * @param externalBalancer observe and judge only; another balancer (AutoMQ's) moves partitions
 * @param convergenceTimeout the longest wait for the expected end after the trigger
 * @param external the cluster to run on instead of an embedded one, or null
 */
public record ScenarioOptions(
    boolean quick,
    Path resultsRoot,
    boolean externalBalancer,
    Duration convergenceTimeout,
    ExternalTarget external) {

  /** Returns the time between load samples. */
  public Duration sampleInterval() {
    return quick ? Duration.ofSeconds(1) : Duration.ofSeconds(2);
  }

  /** Returns how long the end state is observed after convergence, so the window covers it. */
  public Duration settle() {
    return sampleInterval().multipliedBy(5);
  }

  /** Returns how long after the load starts it is steady enough to sample. */
  public Duration steadyAfter() {
    return quick ? Duration.ofSeconds(4) : Duration.ofSeconds(8);
  }
}
