package dev.ballast.app.task.chaos;

/** Checks shared by the fault tasks' topic and load settings. */
final class TopicLoad {

  private TopicLoad() {}

  /**
   * Throws with a one-line reason when the topic or load settings cannot work (null rate: later).
   */
  static void validate(
      int partitions, int replicationFactor, int minInsync, Double perSecond, int messageBytes) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    if (replicationFactor < 1 || minInsync < 1 || minInsync > replicationFactor) {
      throw new IllegalArgumentException(
          "need 1 <= minInsyncReplicas <= replicationFactor, got "
              + minInsync
              + " and "
              + replicationFactor);
    }
    if (perSecond != null && !(perSecond > 0)) {
      throw new IllegalArgumentException("messagesPerSecond must be > 0, got " + perSecond);
    }
    if (messageBytes < 0) {
      throw new IllegalArgumentException("messageBytes must be >= 0, got " + messageBytes);
    }
  }
}
