package dev.ballast.workload.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.ballast.workload.rate.RateShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a producer group's rate changes: {@code constant} (the default), {@code ramp} (from {@code
 * from} to the target over {@code over}, e.g. a warm-up) or {@code step} (the target until the
 * first step, then each step's rate from its time on).
 */
public record ShapeSpec(String type, Double from, Duration over, List<StepSpec> steps) {

  /** The constant shape. */
  public static final ShapeSpec CONSTANT = new ShapeSpec("constant", null, null, null);

  /** Validates the fields the type needs. */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public ShapeSpec {
    type = type == null ? "constant" : type;
    steps = steps == null ? List.of() : List.copyOf(steps);
    switch (type) {
      case "constant" -> {}
      case "ramp" -> {
        if (from == null || from < 0) {
          throw new InvalidFieldException("from", "a ramp needs a start rate >= 0, got " + from);
        }
        if (over == null || over.isZero() || over.isNegative()) {
          throw new InvalidFieldException("over", "a ramp needs a length > 0, e.g. over: 30s");
        }
      }
      case "step" -> {
        if (steps.isEmpty()) {
          throw new InvalidFieldException("steps", "a step shape needs at least one step");
        }
        for (int i = 1; i < steps.size(); i++) {
          if (steps.get(i).at().compareTo(steps.get(i - 1).at()) <= 0) {
            throw new InvalidFieldException(
                "steps[" + i + "].at", "steps must be in increasing time order");
          }
        }
        if (steps.get(steps.size() - 1).rate() <= 0) {
          throw new InvalidFieldException(
              "steps[" + (steps.size() - 1) + "].rate", "the last step's rate must be > 0");
        }
      }
      default ->
          throw new InvalidFieldException(
              "type", "'" + type + "' is not one of constant, ramp, step");
    }
  }

  /**
   * Returns the shape named {@code type} with no parameters; lets YAML write {@code shape: ramp}.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ShapeSpec named(String type) {
    return new ShapeSpec(type, null, null, null);
  }

  /**
   * Returns the shape for one producer of a group of {@code producers} with group target {@code
   * target} (units per second; null for unlimited).
   */
  public RateShape toShape(Double target, int producers) {
    if (target == null) {
      return RateShape.unlimited();
    }
    double share = target / producers;
    return switch (type) {
      case "ramp" -> RateShape.ramp(from / producers, share, over);
      case "step" -> {
        List<RateShape.Step> list = new ArrayList<>();
        if (!steps.get(0).at().isZero()) {
          list.add(new RateShape.Step(0, share));
        }
        for (StepSpec step : steps) {
          list.add(RateShape.Step.of(step.at(), step.rate() / producers));
        }
        yield new RateShape.Steps(list);
      }
      default -> RateShape.constant(share);
    };
  }
}
