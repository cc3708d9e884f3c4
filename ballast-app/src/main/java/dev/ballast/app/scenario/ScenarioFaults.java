package dev.ballast.app.scenario;

import dev.ballast.app.task.fault.AddBroker;
import dev.ballast.app.task.fault.DrainAndStop;
import dev.ballast.app.task.fault.Fault;
import dev.ballast.app.task.fault.KillBroker;
import dev.ballast.app.task.fault.SlowBroker;
import dev.ballast.embedded.ClusterSpec;

/**
 * The one place that reads a scenario's {@link Trigger} kind: it makes the {@link Fault} that
 * triggers the scenario's anomaly, and shapes the embedded cluster the fault needs. Everything else
 * asks the fault.
 */
final class ScenarioFaults {

  private ScenarioFaults() {}

  /**
   * Returns the fault that triggers {@code spec}'s anomaly, or null when the placement itself is
   * the anomaly; {@code capacity} is the capacity scenario's fix (null for the others).
   */
  static Fault trigger(ScenarioSpec spec, CapacityFix capacity) {
    return switch (spec.trigger()) {
      case NONE -> null;
      case ADD_BROKER -> new AddBroker();
      case DRAIN_AND_STOP -> new DrainAndStop(spec.target());
      case KILL -> new KillBroker(spec.target());
      case SLOW -> new SlowBroker(spec.target(), spec.slowLatency());
      case CAPACITY -> new CapacityFault(capacity);
    };
  }

  /** Returns the embedded cluster {@code spec} starts: its brokers, shaped for its fault. */
  static ClusterSpec cluster(ScenarioSpec spec) {
    ClusterSpec brokers = ClusterSpec.ofBrokers(spec.brokers());
    return switch (spec.trigger()) {
      case KILL -> KillBroker.survivable(brokers);
      case CAPACITY -> CapacityFault.zonesUnderLoad(brokers);
      default -> brokers;
    };
  }
}
