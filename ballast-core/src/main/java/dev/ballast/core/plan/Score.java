package dev.ballast.core.plan;

/**
 * The objective the planner minimises, compared hard part first.
 *
 * @param hard hard-goal violations (replicas on emptied brokers, leaders on slow brokers, missing
 *     racks, relative load above capacity)
 * @param soft the weighted sum of soft-goal violations
 */
public record Score(double hard, double soft) implements Comparable<Score> {

  private static final double TOLERANCE = 1e-9;

  @Override
  public int compareTo(Score o) {
    if (Math.abs(hard - o.hard) > TOLERANCE) {
      return Double.compare(hard, o.hard);
    }
    if (Math.abs(soft - o.soft) > TOLERANCE * Math.max(1, Math.abs(soft))) {
      return Double.compare(soft, o.soft);
    }
    return 0;
  }
}
