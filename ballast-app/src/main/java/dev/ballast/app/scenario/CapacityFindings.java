package dev.ballast.app.scenario;

import dev.ballast.core.doctor.Diagnosis;
import java.util.ArrayList;
import java.util.List;

/** What the capacity fix found so far, written by its steps and its background jobs. */
final class CapacityFindings {
  volatile int underReplicatedSeen;
  volatile Diagnosis diagnosis;
  volatile boolean applied;
  private final List<Integer> added = new ArrayList<>();
  volatile int underReplicatedUnderSpike = -1;
  volatile Diagnosis afterFix;
  volatile double secondsToHealthy = Double.NaN;

  synchronized void brokerAdded(int id) {
    added.add(id);
  }

  synchronized List<Integer> added() {
    return List.copyOf(added);
  }

  CapacityChecks.Evidence snapshot() {
    return new CapacityChecks.Evidence(
        underReplicatedSeen,
        diagnosis,
        applied,
        added(),
        underReplicatedUnderSpike,
        afterFix,
        secondsToHealthy);
  }
}
