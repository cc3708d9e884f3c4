package dev.ballast.core.doctor;

import java.util.List;

/**
 * Step 1 of a capacity fix: grow the cluster to a new total number of brokers.
 *
 * @param currentBrokers brokers in the cluster now
 * @param targetBrokers the new total, a multiple of {@code availabilityZones}
 * @param availabilityZones the zones (or racks) the brokers are spread over
 * @param newBrokerIds the ids the new brokers are expected to get (the next free ids); the
 *     rebalance of step 2 is planned onto them
 * @param basis how the target was computed, in one sentence
 */
public record ScaleOut(
    int currentBrokers,
    int targetBrokers,
    int availabilityZones,
    List<Integer> newBrokerIds,
    String basis) {

  /** Validates the counts and copies the ids. */
  public ScaleOut {
    if (targetBrokers <= currentBrokers) {
      throw new IllegalArgumentException(
          "a scale-out must add brokers (" + currentBrokers + " -> " + targetBrokers + ")");
    }
    if (availabilityZones < 1 || targetBrokers % availabilityZones != 0) {
      throw new IllegalArgumentException(
          targetBrokers + " brokers is not a multiple of " + availabilityZones + " zones");
    }
    newBrokerIds = List.copyOf(newBrokerIds);
  }

  /** Returns how many brokers the scale-out adds. */
  public int added() {
    return targetBrokers - currentBrokers;
  }
}
