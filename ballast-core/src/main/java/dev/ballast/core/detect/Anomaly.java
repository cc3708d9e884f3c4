package dev.ballast.core.detect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One anomaly with its evidence.
 *
 * @param kind what was found
 * @param brokers the brokers concerned (empty for a cluster-wide imbalance)
 * @param evidence what shows it, in one sentence
 * @param actionable whether the balancer should act now (false while a dead broker is in its grace
 *     period)
 */
public record Anomaly(
    AnomalyKind kind, List<Integer> brokers, String evidence, boolean actionable) {

  /** Validates and copies. */
  public Anomaly {
    requireNonNull(kind, "kind");
    requireNonNull(evidence, "evidence");
    brokers = List.copyOf(brokers);
  }

  @Override
  public String toString() {
    return kind.label() + (brokers.isEmpty() ? "" : " " + brokers) + ": " + evidence;
  }
}
