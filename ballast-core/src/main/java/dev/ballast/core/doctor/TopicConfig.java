package dev.ballast.core.doctor;

/**
 * The configs of one topic that the doctor checks.
 *
 * @param minInsyncReplicas {@code min.insync.replicas}
 * @param uncleanLeaderElection {@code unclean.leader.election.enable}
 */
public record TopicConfig(int minInsyncReplicas, boolean uncleanLeaderElection) {

  /** Kafka's defaults: {@code min.insync.replicas=1}, unclean leader election disabled. */
  public static final TopicConfig KAFKA_DEFAULTS = new TopicConfig(1, false);

  /** Validates the figures. */
  public TopicConfig {
    if (minInsyncReplicas < 1) {
      throw new IllegalArgumentException(
          "min.insync.replicas must be >= 1, got " + minInsyncReplicas);
    }
  }
}
