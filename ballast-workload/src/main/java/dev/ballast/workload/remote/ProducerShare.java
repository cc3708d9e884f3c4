package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.worker.ProducerAssignment;
import java.util.List;
import java.util.Map;

/**
 * One producer a worker runs: its name (unique within the run), topic, rate shape, message sizes,
 * keys, partition weights and client settings (without the connection, which is the worker's own).
 */
public record ProducerShare(
    String name,
    String topic,
    ShapeSpec shape,
    RateUnit unit,
    MessageSizeSpec messageSize,
    KeyKind keys,
    int keyCount,
    double hotKeyFraction,
    List<Long> partitionWeights,
    Map<String, String> clientConfig) {

  /** Validates and copies. */
  public ProducerShare {
    requireNonNull(name, "name");
    requireNonNull(topic, "topic");
    requireNonNull(shape, "shape");
    requireNonNull(unit, "unit");
    requireNonNull(messageSize, "messageSize");
    requireNonNull(keys, "keys");
    partitionWeights = List.copyOf(partitionWeights);
    clientConfig = Map.copyOf(clientConfig);
  }

  /** Returns the share of {@code p}, with {@code clientConfig} (the connection left out). */
  public static ProducerShare of(ProducerAssignment p, Map<String, String> clientConfig) {
    return new ProducerShare(
        p.name(),
        p.topic(),
        ShapeSpec.of(p.shape()),
        p.unit(),
        p.messageSize(),
        p.keys(),
        p.keyCount(),
        p.hotKeyFraction(),
        p.partitionWeights(),
        clientConfig);
  }
}
