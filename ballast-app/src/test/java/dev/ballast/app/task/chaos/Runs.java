package dev.ballast.app.task.chaos;

import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds recorded runs by hand for checker tests. */
final class Runs {

  static final long S = 1_000_000_000L;

  private final Map<String, Object> observations = new HashMap<>();

  static Runs run() {
    return new Runs();
  }

  <T> Runs with(ObservationKey<T> key, T value) {
    observations.put(key.name(), value);
    return this;
  }

  RecordedRun build() {
    return new RecordedRun(
        "t", "t", 1, RunEnd.COMPLETED, "", List.of(), observations, List.of(), List.of());
  }
}
