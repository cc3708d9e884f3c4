package dev.ballast.workload.spec;

import java.time.Duration;

/** One step of a step-shaped rate: from {@code at} on, the group's rate is {@code rate}. */
public record StepSpec(Duration at, Double rate) {

  /** Validates the step. */
  public StepSpec {
    if (at == null || at.isNegative()) {
      throw new InvalidFieldException("at", "every step needs a time >= 0, e.g. at: 30s");
    }
    if (rate == null || rate < 0) {
      throw new InvalidFieldException("rate", "every step needs a rate >= 0, got " + rate);
    }
  }
}
