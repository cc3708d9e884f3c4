package dev.ballast.workload.rate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How a target rate changes over time: constant, a ramp from one rate to another, or steps. Rates
 * are in units (messages or bytes, see {@link RateUnit}) per second; time is nanoseconds since the
 * start of the schedule.
 */
public sealed interface RateShape
    permits RateShape.Unlimited, RateShape.Constant, RateShape.Ramp, RateShape.Steps {

  /** Returns the rate, in units per second, at {@code elapsedNanos}. */
  double rateAt(double elapsedNanos);

  /**
   * Returns the time, in nanoseconds since the start, by which {@code units} units have been spent
   * at this shape's rate (the inverse of the cumulative rate); 0 when the rate is unlimited.
   * Computing each intended time from the running total, never from the previous time, means no
   * drift.
   */
  double nanosAtUnits(double units);

  /** Returns a shape without a limit: every message is due at once (maximum rate). */
  static RateShape unlimited() {
    return Unlimited.INSTANCE;
  }

  /** Returns a constant rate of {@code perSecond} units per second. */
  static RateShape constant(double perSecond) {
    return new Constant(perSecond);
  }

  /** Returns a linear ramp from {@code fromPerSecond} to {@code toPerSecond} over {@code over}. */
  static RateShape ramp(double fromPerSecond, double toPerSecond, Duration over) {
    return new Ramp(fromPerSecond, toPerSecond, over.toNanos());
  }

  /** No limit: the maximum rate the producer can reach. */
  enum Unlimited implements RateShape {
    INSTANCE;

    @Override
    public double rateAt(double elapsedNanos) {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public double nanosAtUnits(double units) {
      return 0;
    }
  }

  /** A constant rate. */
  record Constant(double perSecond) implements RateShape {

    /** Validates the rate. */
    public Constant {
      requirePositive(perSecond, "rate");
    }

    @Override
    public double rateAt(double elapsedNanos) {
      return perSecond;
    }

    @Override
    public double nanosAtUnits(double units) {
      return units * 1e9 / perSecond;
    }
  }

  /**
   * A linear ramp from {@code fromPerSecond} (may be 0) to {@code toPerSecond} over {@code
   * overNanos}, then constant at {@code toPerSecond}.
   */
  record Ramp(double fromPerSecond, double toPerSecond, long overNanos) implements RateShape {

    /** Validates the rates and the length. */
    public Ramp {
      if (!(fromPerSecond >= 0) || Double.isInfinite(fromPerSecond)) {
        throw new IllegalArgumentException("ramp start rate must be >= 0, got " + fromPerSecond);
      }
      requirePositive(toPerSecond, "ramp end rate");
      if (overNanos <= 0) {
        throw new IllegalArgumentException("ramp length must be > 0, got " + overNanos + " ns");
      }
    }

    @Override
    public double rateAt(double elapsedNanos) {
      if (elapsedNanos >= overNanos) {
        return toPerSecond;
      }
      double t = Math.max(0, elapsedNanos);
      return fromPerSecond + (toPerSecond - fromPerSecond) * t / overNanos;
    }

    @Override
    public double nanosAtUnits(double units) {
      double rampUnits = (fromPerSecond + toPerSecond) / 2 * overNanos / 1e9;
      if (units >= rampUnits) {
        return overNanos + (units - rampUnits) * 1e9 / toPerSecond;
      }
      // Units spent by time t (rates per ns): r0 t + (k/2) t^2; solve for t.
      double r0 = fromPerSecond / 1e9;
      double k = (toPerSecond - fromPerSecond) / 1e9 / overNanos;
      if (Math.abs(k) * overNanos < 1e-12 * Math.max(r0, 1e-300)) {
        return units / r0;
      }
      return (Math.sqrt(Math.max(0, r0 * r0 + 2 * k * units)) - r0) / k;
    }
  }

  /**
   * Rates that change at given times; before the first step the first step's rate applies. A step
   * with rate 0 pauses sending until the next step.
   */
  record Steps(List<Step> steps) implements RateShape {

    /** Validates that steps are sorted by time and at least one has a positive rate. */
    public Steps {
      requireNonNull(steps, "steps");
      steps = List.copyOf(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("steps must not be empty");
      }
      for (int i = 1; i < steps.size(); i++) {
        if (steps.get(i).atNanos() <= steps.get(i - 1).atNanos()) {
          throw new IllegalArgumentException(
              "steps must be in increasing time order; step "
                  + i
                  + " is not after step "
                  + (i - 1));
        }
      }
      if (steps.get(steps.size() - 1).perSecond() <= 0) {
        throw new IllegalArgumentException("the last step's rate must be > 0");
      }
    }

    @Override
    public double rateAt(double elapsedNanos) {
      return steps.get(indexAt(elapsedNanos)).perSecond();
    }

    @Override
    public double nanosAtUnits(double units) {
      double remaining = units;
      for (int i = 0; ; i++) {
        double start = i == 0 ? 0 : steps.get(i).atNanos();
        double rate = steps.get(i).perSecond();
        if (i == steps.size() - 1) {
          return start + remaining * 1e9 / rate;
        }
        double segmentUnits = rate * (steps.get(i + 1).atNanos() - start) / 1e9;
        // Strictly less: a message due exactly at the end of a segment belongs to the next one,
        // so nothing is scheduled inside a paused (rate 0) segment.
        if (remaining < segmentUnits) {
          return start + remaining * 1e9 / rate;
        }
        remaining -= segmentUnits;
      }
    }

    private int indexAt(double elapsedNanos) {
      int index = 0;
      for (int i = 1; i < steps.size() && steps.get(i).atNanos() <= elapsedNanos; i++) {
        index = i;
      }
      return index;
    }
  }

  /** One step: from {@code atNanos} on, the rate is {@code perSecond}. */
  record Step(long atNanos, double perSecond) {

    /** Validates the step. */
    public Step {
      if (atNanos < 0) {
        throw new IllegalArgumentException("step time must be >= 0, got " + atNanos + " ns");
      }
      if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("step rate must be >= 0, got " + perSecond);
      }
    }

    /** Returns a step at {@code at} with rate {@code perSecond}. */
    public static Step of(Duration at, double perSecond) {
      return new Step(at.toNanos(), perSecond);
    }
  }

  private static void requirePositive(double rate, String what) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(what + " must be > 0 and finite, got " + rate);
    }
  }
}
