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

/** The producer and consumer assignments the built-in tasks give their worker. */
final class Load {

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
    return ProducerAssignment.of(spec, 0, context.runId() << 8, context.clientConfig());
  }

  /** Returns {@code count} consumers of {@code group} on {@code topic}. */
  static List<ConsumerAssignment> consumers(
      TaskContext context, String group, String topic, int count) {
    List<ConsumerAssignment> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> config = new HashMap<>(context.clientConfig());
      config.put("max.partition.fetch.bytes", Integer.toString(4 * 1024 * 1024));
      list.add(new ConsumerAssignment(group + "-" + i, topic, group, config));
    }
    return list;
  }
}
