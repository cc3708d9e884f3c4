package dev.ballast.app.task.builtin;

import dev.ballast.app.task.TaskContext;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.spec.ProducerSpec;
import dev.ballast.workload.worker.ConsumerAssignment;
import dev.ballast.workload.worker.ProducerAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The producer and consumer assignments the built-in tasks (and {@code bench catch-up}) use. */
public final class Load {

  /** The fetch size per partition of the built-in consumers. */
  public static final int FETCH_BYTES = 4 * 1024 * 1024;

  /**
   * Topic configs that keep a backlog whole: no size or time retention (the embedded brokers keep
   * only 128 MiB per partition by default, which would delete a 1 GiB backlog's start).
   */
  public static final Map<String, String> KEEP_EVERYTHING =
      Map.of("retention.bytes", "-1", "retention.ms", "-1");

  private Load() {}

  /** Returns the names a run's topic and group get: {@code ballast-marathon-<task>-<runId>}. */
  static String name(TaskContext context) {
    return "ballast-marathon-" + context.taskName() + "-" + Long.toHexString(context.runId());
  }

  /**
   * Returns one producer on {@code topic} at {@code messagesPerSecond} (null: as fast as possible),
   * {@code acks=all}, batching for throughput.
   */
  static ProducerAssignment producer(
      TaskContext context, String topic, Double messagesPerSecond, int messageBytes) {
    return producer(
        context.clientConfig(), context.runId() << 8, topic, messagesPerSecond, messageBytes);
  }

  /** Returns the producer of {@link #producer(TaskContext, String, Double, int)} for any client. */
  public static ProducerAssignment producer(
      Map<String, Object> clientConfig,
      long producerId,
      String topic,
      Double messagesPerSecond,
      int messageBytes) {
    Map<String, String> config = new HashMap<>();
    config.put("acks", "all");
    config.put("linger.ms", "5");
    config.put("batch.size", Integer.toString(128 * 1024));
    if (messagesPerSecond == null) {
      // As fast as possible: a small buffer keeps what is sent but not yet acknowledged (and so
      // the overshoot past a backlog target) small.
      config.put("buffer.memory", Integer.toString(8 * 1024 * 1024));
    }
    ProducerSpec spec =
        new ProducerSpec(
            topic,
            1,
            messagesPerSecond,
            null,
            MessageSizeSpec.fixed(messageBytes),
            null,
            null,
            null,
            null,
            null,
            config);
    return ProducerAssignment.of(spec, 0, producerId, clientConfig);
  }

  /** Returns {@code count} consumers of {@code group} on {@code topic}. */
  static List<ConsumerAssignment> consumers(
      TaskContext context, String group, String topic, int count) {
    return consumers(context.clientConfig(), group, topic, count);
  }

  /**
   * Returns the consumers of {@link #consumers(TaskContext, String, String, int)} for any client.
   */
  public static List<ConsumerAssignment> consumers(
      Map<String, Object> clientConfig, String group, String topic, int count) {
    List<ConsumerAssignment> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> config = new HashMap<>(clientConfig);
      config.put("max.partition.fetch.bytes", Integer.toString(FETCH_BYTES));
      // A catch-up read is bound by the fetch path: a 2 MiB socket buffer, as ConsumerPerformance
      // uses, instead of the client's 64 KiB default.
      config.put("receive.buffer.bytes", Integer.toString(2 * 1024 * 1024));
      list.add(new ConsumerAssignment(group + "-" + i, topic, group, config));
    }
    return list;
  }

  /**
   * Stops {@code worker} (null: never made) and deletes {@code group} and {@code topic} through
   * {@code admin} (null: prepare never got that far), then closes {@code admin}.
   */
  static void cleanUp(
      dev.ballast.workload.worker.Worker worker,
      dev.ballast.app.task.TaskAdmin admin,
      String group,
      String topic) {
    if (worker != null) {
      worker.close();
    }
    if (admin != null) {
      try {
        admin.deleteGroup(group);
        admin.deleteTopic(topic);
      } finally {
        admin.close();
      }
    }
  }
}
