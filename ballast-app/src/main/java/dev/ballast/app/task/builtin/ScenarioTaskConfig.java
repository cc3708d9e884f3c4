package dev.ballast.app.task.builtin;

import dev.ballast.app.scenario.Scenarios;
import java.time.Duration;

/**
 * The {@code scenario} task's settings.
 *
 * @param scenario the demo scenario to run (traffic-based, qps-based, scale-up, scale-down,
 *     slow-node, capacity, scale-down-kill)
 * @param convergenceTimeout the longest wait for the balancer to reach the expected end (default:
 *     60s with {@code --quick}, else 90s, as {@code demo})
 */
public record ScenarioTaskConfig(String scenario, Duration convergenceTimeout) {

  /** Validates. */
  public ScenarioTaskConfig {
    if (scenario == null || scenario.isBlank()) {
      throw new IllegalArgumentException(
          "scenario must be given (one of: "
              + String.join(", ", Scenarios.catalogue(true).keySet())
              + ")");
    }
    if (!Scenarios.catalogue(true).containsKey(scenario)) {
      throw new IllegalArgumentException(
          "unknown scenario '"
              + scenario
              + "' (scenarios: "
              + String.join(", ", Scenarios.catalogue(true).keySet())
              + ")");
    }
    if (convergenceTimeout != null
        && (convergenceTimeout.isNegative() || convergenceTimeout.isZero())) {
      throw new IllegalArgumentException(
          "convergenceTimeout must be > 0, got " + convergenceTimeout);
    }
  }
}
