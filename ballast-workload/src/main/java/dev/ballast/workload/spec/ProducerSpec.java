package dev.ballast.workload.spec;

import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A group of {@code count} producers writing to {@code topic}. The group's target is {@code
 * messagesPerSecond} or {@code bytesPerSecond} (neither: as fast as possible), split evenly between
 * its producers; {@code partitionWeights} skews partitions on purpose; {@code config} passes Kafka
 * producer settings through.
 */
public record ProducerSpec(
    String topic,
    Integer count,
    Double messagesPerSecond,
    Double bytesPerSecond,
    MessageSizeSpec messageSize,
    String keys,
    Integer keyCount,
    Double hotKeyFraction,
    List<Long> partitionWeights,
    ShapeSpec shape,
    Map<String, String> config) {

  /** Applies defaults and validates. */
  public ProducerSpec {
    if (topic == null || topic.isBlank()) {
      throw new InvalidFieldException("topic", "every producer group needs a topic");
    }
    count = count == null ? 1 : count;
    if (count < 1) {
      throw new InvalidFieldException("count", "must be >= 1, got " + count);
    }
    if (messagesPerSecond != null && bytesPerSecond != null) {
      throw new InvalidFieldException(
          "bytesPerSecond", "give messagesPerSecond or bytesPerSecond, not both");
    }
    if (messagesPerSecond != null && !(messagesPerSecond > 0)) {
      throw new InvalidFieldException("messagesPerSecond", "must be > 0, got " + messagesPerSecond);
    }
    if (bytesPerSecond != null && !(bytesPerSecond > 0)) {
      throw new InvalidFieldException("bytesPerSecond", "must be > 0, got " + bytesPerSecond);
    }
    messageSize = messageSize == null ? MessageSizeSpec.fixed(100) : messageSize;
    keys = keys == null ? "none" : keys;
    keyKindOf(keys);
    keyCount = keyCount == null ? 1000 : keyCount;
    if (keyCount < 1) {
      throw new InvalidFieldException("keyCount", "must be >= 1, got " + keyCount);
    }
    hotKeyFraction = hotKeyFraction == null ? 0.9 : hotKeyFraction;
    if (!(hotKeyFraction >= 0 && hotKeyFraction <= 1)) {
      throw new InvalidFieldException("hotKeyFraction", "must be in [0, 1], got " + hotKeyFraction);
    }
    partitionWeights = partitionWeights == null ? List.of() : List.copyOf(partitionWeights);
    if (partitionWeights.stream().anyMatch(w -> w < 0)
        || (!partitionWeights.isEmpty()
            && partitionWeights.stream().mapToLong(Long::longValue).sum() == 0)) {
      throw new InvalidFieldException(
          "partitionWeights", "weights must be >= 0 with a positive sum, got " + partitionWeights);
    }
    shape = shape == null ? ShapeSpec.CONSTANT : shape;
    if (!shape.type().equals("constant") && messagesPerSecond == null && bytesPerSecond == null) {
      throw new InvalidFieldException(
          "shape", "a " + shape.type() + " shape needs messagesPerSecond or bytesPerSecond");
    }
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** Returns a group of one producer on {@code topic} at {@code messagesPerSecond} (null: max). */
  public static ProducerSpec of(String topic, Double messagesPerSecond, int messageBytes) {
    return new ProducerSpec(
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
        null);
  }

  /** Returns the unit the target counts. */
  public RateUnit unit() {
    return bytesPerSecond != null ? RateUnit.BYTES : RateUnit.MESSAGES;
  }

  /** Returns the group's target in units per second, or null for the maximum rate. */
  public Double target() {
    return bytesPerSecond != null ? bytesPerSecond : messagesPerSecond;
  }

  /** Returns the key kind. */
  public KeyKind keyKind() {
    return keyKindOf(keys);
  }

  private static KeyKind keyKindOf(String keys) {
    try {
      return KeyKind.valueOf(keys.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "keys", "'" + keys + "' is not one of none, round-robin, random, hot-key");
    }
  }
}
