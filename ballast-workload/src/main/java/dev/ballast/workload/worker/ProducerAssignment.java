package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.spec.ProducerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One producer's share of a workload: its id (in every message's headers), its topic, its rate
 * shape, message sizes, keys, partition weights and Kafka client settings.
 */
public record ProducerAssignment(
    long producerId,
    String name,
    String topic,
    RateShape shape,
    RateUnit unit,
    MessageSizeSpec messageSize,
    KeyKind keys,
    int keyCount,
    double hotKeyFraction,
    List<Long> partitionWeights,
    Map<String, Object> clientConfig) {

  /** Validates and copies. */
  public ProducerAssignment {
    requireNonNull(name, "name");
    requireNonNull(topic, "topic");
    requireNonNull(shape, "shape");
    requireNonNull(unit, "unit");
    requireNonNull(messageSize, "messageSize");
    requireNonNull(keys, "keys");
    partitionWeights = List.copyOf(partitionWeights);
    clientConfig = Map.copyOf(clientConfig);
  }

  /**
   * Returns producer {@code index} of the group {@code spec}, with {@code producerId} and the
   * group's client settings over {@code baseConfig}.
   */
  public static ProducerAssignment of(
      ProducerSpec spec, int index, long producerId, Map<String, Object> baseConfig) {
    Map<String, Object> config = new HashMap<>(baseConfig);
    config.putAll(spec.config());
    return new ProducerAssignment(
        producerId,
        spec.topic() + "-producer-" + index,
        spec.topic(),
        spec.shape().toShape(spec.target(), spec.count()),
        spec.unit(),
        spec.messageSize(),
        spec.keyKind(),
        spec.keyCount(),
        spec.hotKeyFraction(),
        spec.partitionWeights(),
        config);
  }
}
