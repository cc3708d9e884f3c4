package dev.ballast.workload.spec;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A whole workload: the topics it needs, its producer and consumer groups, how long it runs, how
 * much of the start is warm-up (excluded from latency figures), and how long consumers may take to
 * drain after the producers stop.
 */
public record WorkloadSpec(
    String name,
    List<TopicSpec> topics,
    List<ProducerSpec> producers,
    List<ConsumerSpec> consumers,
    Duration duration,
    Duration warmup,
    Duration drainTimeout) {

  /** Applies defaults and validates references between sections. */
  public WorkloadSpec {
    name = name == null || name.isBlank() ? "workload" : name;
    topics = topics == null ? List.of() : List.copyOf(topics);
    producers = producers == null ? List.of() : List.copyOf(producers);
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
    duration = duration == null ? Duration.ofSeconds(60) : duration;
    warmup = warmup == null ? Duration.ZERO : warmup;
    drainTimeout = drainTimeout == null ? Duration.ofSeconds(30) : drainTimeout;
    if (producers.isEmpty() && consumers.isEmpty()) {
      throw new InvalidFieldException("producers", "a workload needs producers or consumers");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new InvalidFieldException("duration", "must be > 0, e.g. duration: 60s");
    }
    if (warmup.isNegative() || warmup.compareTo(duration) >= 0) {
      throw new InvalidFieldException(
          "warmup", "must be >= 0 and shorter than duration (" + Durations.format(duration) + ")");
    }
    if (drainTimeout.isNegative()) {
      throw new InvalidFieldException("drainTimeout", "must be >= 0");
    }
    Set<String> names = topics.stream().map(TopicSpec::name).collect(Collectors.toSet());
    if (names.size() != topics.size()) {
      throw new InvalidFieldException("topics", "a topic is declared twice");
    }
    for (int i = 0; i < producers.size(); i++) {
      ProducerSpec producer = producers.get(i);
      int partitions =
          topics.stream()
              .filter(t -> t.name().equals(producer.topic()))
              .mapToInt(TopicSpec::partitions)
              .findFirst()
              .orElse(-1);
      if (partitions > 0
          && !producer.partitionWeights().isEmpty()
          && producer.partitionWeights().size() != partitions) {
        throw new InvalidFieldException(
            "producers[" + i + "].partitionWeights",
            "has "
                + producer.partitionWeights().size()
                + " weights but topic "
                + producer.topic()
                + " has "
                + partitions
                + " partitions; give one weight per partition");
      }
    }
    for (int i = 0; i < consumers.size(); i++) {
      if (consumers.get(i).startAfter().compareTo(duration) >= 0) {
        throw new InvalidFieldException(
            "consumers[" + i + "].startAfter", "must be shorter than duration");
      }
    }
  }
}
