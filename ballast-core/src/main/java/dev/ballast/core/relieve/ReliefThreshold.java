package dev.ballast.core.relieve;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.model.Broker;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.Units;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A broker counts as hot when its load of {@code resource} is above this threshold: a percentage of
 * its capacity (network only, the resources a capacity exists for) or an absolute figure in the
 * resource's unit (bytes/s, bytes, messages/s, a count).
 *
 * @param resource the resource compared (not topic-spread, which is no per-broker figure)
 * @param value the limit: a percentage when {@code percentOfCapacity}, else in the resource's unit
 * @param percentOfCapacity whether {@code value} is a percentage of each broker's capacity
 */
public record ReliefThreshold(Goal resource, double value, boolean percentOfCapacity) {

  /** The forms {@link #parse} accepts, for error messages and help texts. */
  public static final String FORMS =
      "RESOURCE>LIMIT, e.g. network-in>80% or network-out>80% (percent of capacity),"
          + " network-in>50MB/s, network-out>100MiB/s, disk>500GB, messages>20000/s (alias qps),"
          + " replicas>300, leaders>100";

  private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_-]+)\\s*>\\s*(.*?)\\s*");
  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(.*)");

  /** Validates the resource and the value. */
  public ReliefThreshold {
    requireNonNull(resource, "resource");
    if (resource == Goal.TOPIC_SPREAD) {
      throw new IllegalArgumentException("topic-spread has no per-broker figure to threshold");
    }
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("threshold must be finite and >= 0, got " + value);
    }
    if (percentOfCapacity && !hasCapacity(resource)) {
      throw new IllegalArgumentException(
          resource.label() + " has no capacity to take a percentage of");
    }
  }

  /**
   * Returns the threshold {@code text} means ({@code network-in>80%}, {@code disk>500GB}), or
   * throws one line naming the bad token and the accepted forms.
   */
  public static ReliefThreshold parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw bad(text, text, "no RESOURCE>LIMIT");
    }
    Goal resource = resource(text, m.group(1));
    Matcher n = NUMBER.matcher(m.group(2));
    if (!n.matches()) {
      throw bad(text, m.group(2), "not a number");
    }
    double number = Double.parseDouble(n.group(1));
    String unit = n.group(2).trim().toLowerCase(Locale.ROOT);
    if (unit.equals("%")) {
      if (!hasCapacity(resource)) {
        throw bad(
            text,
            m.group(2),
            "a percentage, and "
                + resource.label()
                + " has no capacity in the load model (give an absolute limit)");
      }
      if (!(number > 0 && number <= 100)) {
        throw bad(text, m.group(2), "not a percentage between 0 and 100");
      }
      return new ReliefThreshold(resource, number, true);
    }
    double scale = scale(resource, unit);
    if (Double.isNaN(scale)) {
      throw bad(text, n.group(2), "not a unit of " + resource.label());
    }
    return new ReliefThreshold(resource, number * scale, false);
  }

  private static Goal resource(String text, String token) {
    String name = token.toLowerCase(Locale.ROOT).replace('_', '-');
    switch (name) {
      case "qps", "msgs", "messages-in" -> {
        return Goal.MESSAGES;
      }
      case "cpu" ->
          throw bad(
              text, token, "not in the load model (no CPU figure; messages, or qps, is closest)");
      case "topic-spread" -> throw bad(text, token, "no per-broker figure");
      default -> {
        try {
          return Goal.fromLabel(name);
        } catch (IllegalArgumentException e) {
          throw bad(text, token, "not a resource");
        }
      }
    }
  }

  /** Returns what one unit {@code unit} of {@code resource} is in its base unit, or NaN. */
  private static double scale(Goal resource, String unit) {
    String u = unit.replace(" ", "");
    switch (resource) {
      case NETWORK_IN, NETWORK_OUT -> {
        return bytes(u.endsWith("/s") ? u.substring(0, u.length() - 2) : u);
      }
      case DISK -> {
        return bytes(u);
      }
      case MESSAGES -> {
        return u.isEmpty() || u.equals("/s") || u.equals("msg/s") ? 1 : Double.NaN;
      }
      default -> {
        return u.isEmpty() ? 1 : Double.NaN;
      }
    }
  }

  private static double bytes(String unit) {
    return switch (unit) {
      case "", "b" -> 1;
      case "kb" -> 1e3;
      case "mb" -> 1e6;
      case "gb" -> 1e9;
      case "tb" -> 1e12;
      case "kib" -> 1L << 10;
      case "mib" -> 1L << 20;
      case "gib" -> 1L << 30;
      case "tib" -> 1L << 40;
      default -> Double.NaN;
    };
  }

  private static boolean hasCapacity(Goal resource) {
    return resource == Goal.NETWORK_IN || resource == Goal.NETWORK_OUT;
  }

  private static IllegalArgumentException bad(String text, String token, String why) {
    return new IllegalArgumentException(
        "'" + text + "': '" + token + "' is " + why + "; write " + FORMS);
  }

  /**
   * Returns the most load of the resource {@code broker} may carry without counting as hot.
   *
   * @throws IllegalArgumentException when the threshold is a percentage and the broker has no
   *     capacity
   */
  public double limitOf(Broker broker) {
    if (!percentOfCapacity) {
      return value;
    }
    if (broker.capacity() == null) {
      throw new IllegalArgumentException(
          text()
              + " needs every broker's capacity, and broker "
              + broker.id()
              + " has none; give capacities (docs/SNAPSHOT.md) or an absolute limit such as "
              + resource.label()
              + ">50MB/s");
    }
    double capacity =
        resource == Goal.NETWORK_IN
            ? broker.capacity().bytesInPerSec()
            : broker.capacity().bytesOutPerSec();
    return capacity * value / 100;
  }

  /** Returns the threshold as written on the command line ("network-in>80%"). */
  public String text() {
    if (percentOfCapacity) {
      return resource.label()
          + ">"
          + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
          + "%";
    }
    return resource.label() + ">" + Units.of(resource, value);
  }
}
