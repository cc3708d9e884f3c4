package dev.ballast.core.plan;

/**
 * The load on one broker, one figure per resource.
 *
 * @param networkIn bytes/s in
 * @param networkOut bytes/s out
 * @param messages messages/s handled as leader
 * @param disk bytes on disk
 * @param replicas replicas held
 * @param leaders partitions led
 */
public record LoadVector(
    double networkIn,
    double networkOut,
    double messages,
    double disk,
    double replicas,
    double leaders) {

  /** Returns the figure of resource goal {@code goal}; topic spread has none (0). */
  public double get(Goal goal) {
    return switch (goal) {
      case NETWORK_IN -> networkIn;
      case NETWORK_OUT -> networkOut;
      case MESSAGES -> messages;
      case DISK -> disk;
      case REPLICAS -> replicas;
      case LEADERS -> leaders;
      case TOPIC_SPREAD -> 0;
    };
  }

  static LoadVector of(double[][] load, int b) {
    return new LoadVector(load[0][b], load[1][b], load[2][b], load[3][b], load[4][b], load[5][b]);
  }
}
