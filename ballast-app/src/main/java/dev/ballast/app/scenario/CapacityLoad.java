package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * What the capacity fix ({@link CapacityFix}) watches and steers in the scenario's load.
 *
 * @param stopped whether the scenario was asked to stop
 * @param onSchedule whether the producers acknowledge their target rate
 * @param backlogSent whether the backlog built while the producers were held back is sent
 * @param loadFactor sets the producers' rate to a share of the full load
 * @param onDiagnosed called once the doctor diagnosed the overload
 */
record CapacityLoad(
    BooleanSupplier stopped,
    BooleanSupplier onSchedule,
    BooleanSupplier backlogSent,
    DoubleConsumer loadFactor,
    Runnable onDiagnosed) {

  /** Validates. */
  CapacityLoad {
    requireNonNull(stopped, "stopped");
    requireNonNull(onSchedule, "onSchedule");
    requireNonNull(backlogSent, "backlogSent");
    requireNonNull(loadFactor, "loadFactor");
    requireNonNull(onDiagnosed, "onDiagnosed");
  }
}
