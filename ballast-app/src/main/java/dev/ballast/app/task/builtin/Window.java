package dev.ballast.app.task.builtin;

/**
 * One judged window of a steady load.
 *
 * @param startSeconds when it started, in seconds since the judged load began
 * @param seconds its length
 * @param messagesPerSecond the acknowledged rate in it
 * @param p99Millis the produce p99 in it, from the intended send time
 * @param failed the sends that failed in it
 */
public record Window(
    double startSeconds, double seconds, double messagesPerSecond, double p99Millis, long failed) {}
