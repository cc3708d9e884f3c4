package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.rate.RateShape;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RateShape} as plain data for the control topic: {@code type} is unlimited, constant,
 * ramp or steps; {@code rates} holds the constant rate, the ramp's two rates, or each step's rate;
 * {@code nanos} the ramp's length or each step's start.
 */
public record ShapeSpec(String type, List<Double> rates, List<Long> nanos) {

  /** Validates and copies. */
  public ShapeSpec {
    requireNonNull(type, "type");
    rates = List.copyOf(rates);
    nanos = List.copyOf(nanos);
  }

  /** Returns the data form of {@code shape}. */
  public static ShapeSpec of(RateShape shape) {
    if (shape instanceof RateShape.Constant c) {
      return new ShapeSpec("constant", List.of(c.perSecond()), List.of());
    }
    if (shape instanceof RateShape.Ramp r) {
      return new ShapeSpec(
          "ramp", List.of(r.fromPerSecond(), r.toPerSecond()), List.of(r.overNanos()));
    }
    if (shape instanceof RateShape.Steps s) {
      List<Double> rates = new ArrayList<>();
      List<Long> starts = new ArrayList<>();
      for (RateShape.Step step : s.steps()) {
        rates.add(step.perSecond());
        starts.add(step.atNanos());
      }
      return new ShapeSpec("steps", rates, starts);
    }
    return new ShapeSpec("unlimited", List.of(), List.of());
  }

  /** Returns the shape this data describes. */
  public RateShape toShape() {
    return switch (type) {
      case "unlimited" -> RateShape.unlimited();
      case "constant" -> RateShape.constant(rates.get(0));
      case "ramp" -> new RateShape.Ramp(rates.get(0), rates.get(1), nanos.get(0));
      case "steps" -> {
        List<RateShape.Step> steps = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
          steps.add(new RateShape.Step(nanos.get(i), rates.get(i)));
        }
        yield new RateShape.Steps(steps);
      }
      default -> throw new IllegalArgumentException("unknown rate shape type '" + type + "'");
    };
  }

  /** Returns this shape with every rate multiplied by {@code factor} (a share of the whole). */
  public ShapeSpec scaled(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("factor must be positive, got " + factor);
    }
    return new ShapeSpec(type, rates.stream().map(r -> r * factor).toList(), nanos);
  }
}
