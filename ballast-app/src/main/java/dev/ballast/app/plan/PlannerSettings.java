package dev.ballast.app.plan;

import dev.ballast.app.cli.UserException;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.PlannerOptions;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns the planner's command-line options into {@link PlannerOptions}, failing with one line. */
public final class PlannerSettings {

  private PlannerSettings() {}

  /**
   * Returns the options for {@code goals} ("network-in,disk=2"; null for the defaults), {@code
   * bandPercent}, {@code idleFloors} ("messages=10"; null for the defaults) and {@code
   * excludeTopics} (a regex, or null).
   */
  public static PlannerOptions options(
      String goals, double bandPercent, String idleFloors, String excludeTopics) {
    PlannerOptions options = PlannerOptions.defaults();
    if (goals != null) {
      options = options.withWeights(weights(goals));
    }
    if (!(bandPercent > 0 && bandPercent < 100)) {
      throw new UserException("--band must be a percentage between 0 and 100, not " + bandPercent);
    }
    options = options.withBand(bandPercent / 100);
    if (idleFloors != null) {
      Map<Goal, Double> floors = new EnumMap<>(PlannerOptions.defaultIdleFloors());
      floors.putAll(pairs(idleFloors, "--idle-floor", false));
      options = options.withIdleFloors(floors);
    }
    if (excludeTopics != null) {
      try {
        options = options.withExcludedTopics(Pattern.compile(excludeTopics));
      } catch (PatternSyntaxException e) {
        throw new UserException(
            "--exclude-topics '" + excludeTopics + "' is not a valid regex: " + e.getDescription());
      }
    }
    return options;
  }

  /** Returns the weights in "network-in,disk=2": listed goals only, unweighted at default. */
  static Map<Goal, Double> weights(String text) {
    return pairs(text, "--goals", true);
  }

  private static Map<Goal, Double> pairs(String text, String option, boolean weightOptional) {
    Map<Goal, Double> out = new EnumMap<>(Goal.class);
    for (String item : text.split(",")) {
      String s = item.trim();
      if (s.isEmpty()) {
        continue;
      }
      int eq = s.indexOf('=');
      Goal goal;
      try {
        goal = Goal.fromLabel(eq < 0 ? s : s.substring(0, eq));
      } catch (IllegalArgumentException e) {
        throw new UserException(option + ": " + e.getMessage());
      }
      double value;
      if (eq < 0) {
        if (!weightOptional) {
          throw new UserException(
              option + ": write goal=value, e.g. messages=10 (got '" + s + "')");
        }
        value = goal.defaultWeight() > 0 ? goal.defaultWeight() : 1.0;
      } else {
        try {
          value = Double.parseDouble(s.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
          throw new UserException(
              option + ": '" + s.substring(eq + 1) + "' is not a number (in '" + s + "')");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new UserException(option + ": " + goal.label() + " must be >= 0, not " + value);
        }
      }
      out.put(goal, value);
    }
    if (out.isEmpty()) {
      throw new UserException(
          option + " lists no goal (goals: " + String.join(",", labels()) + ")");
    }
    return out;
  }

  private static String[] labels() {
    Goal[] gs = Goal.values();
    String[] out = new String[gs.length];
    for (int i = 0; i < gs.length; i++) {
      out[i] = gs[i].label().toLowerCase(Locale.ROOT);
    }
    return out;
  }
}
