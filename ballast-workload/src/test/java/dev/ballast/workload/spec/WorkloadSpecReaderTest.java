package dev.ballast.workload.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadSpecReaderTest {

  private final WorkloadSpecReader reader = new WorkloadSpecReader();

  private static final String FULL =
      """
      name: skewed
      topics:
        - name: load
          partitions: 3
          replicationFactor: 2
          placement:
            - [0, 1]
            - [1, 2]
            - [2, 0]
      producers:
        - topic: load
          count: 2
          messagesPerSecond: 50000
          messageSize: {distribution: uniform, min: 100, max: 1000}
          keys: hot-key
          hotKeyFraction: 0.8
          partitionWeights: [4, 1, 1]
          shape: {type: ramp, from: 1000, over: 10s}
          config: {linger.ms: 5, acks: all}
      consumers:
        - topic: load
          group: checkers
          count: 3
          startAfter: 5s
      duration: 2m
      warmup: 10s
      """;

  @Test
  void readsEverySection() {
    WorkloadSpec spec = reader.parse(FULL, "w.yaml");

    assertThat(spec.name()).isEqualTo("skewed");
    TopicSpec topic = spec.topics().get(0);
    assertThat(topic.partitions()).isEqualTo(3);
    assertThat(topic.placement()).containsExactly(List.of(0, 1), List.of(1, 2), List.of(2, 0));
    ProducerSpec producer = spec.producers().get(0);
    assertThat(producer.count()).isEqualTo(2);
    assertThat(producer.unit()).isEqualTo(RateUnit.MESSAGES);
    assertThat(producer.target()).isEqualTo(50_000.0);
    assertThat(producer.keyKind()).isEqualTo(KeyKind.HOT_KEY);
    assertThat(producer.partitionWeights()).containsExactly(4L, 1L, 1L);
    assertThat(producer.config()).containsEntry("linger.ms", "5");
    assertThat(producer.messageSize().toSizes(1).max()).isEqualTo(1000);
    assertThat(producer.shape().toShape(producer.target(), producer.count()))
        .isEqualTo(new RateShape.Ramp(500, 25_000, Duration.ofSeconds(10).toNanos()));
    assertThat(spec.consumers().get(0).catchUp()).isTrue();
    assertThat(spec.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.warmup()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void appliesDefaults() {
    WorkloadSpec spec =
        reader.parse(
            """
            producers:
              - topic: t
                messageSize: 200
                shape: constant
            consumers:
              - topic: t
            """,
            "w.yaml");

    ProducerSpec producer = spec.producers().get(0);
    assertThat(producer.target()).isNull();
    assertThat(producer.keyKind()).isEqualTo(KeyKind.NONE);
    assertThat(producer.messageSize().toSizes(0).next()).isEqualTo(200);
    assertThat(spec.consumers().get(0).count()).isEqualTo(1);
    assertThat(spec.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.warmup()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown top field     | producers:\\n  - topic: t\\nratee: 5     | 3 | unknown field 'ratee' (known fields: consumers, drainTimeout, duration, name, producers, topics, warmup)
          unknown nested field  | producers:\\n  - topic: t\\n    rat: 5     | 3 | unknown field 'rat' in producers[0]
          negative rate         | producers:\\n  - topic: t\\n    messagesPerSecond: -5 | 3 | producers[0].messagesPerSecond: must be > 0, got -5.0
          rate not a number     | producers:\\n  - topic: t\\n    messagesPerSecond: fast | 3 | producers[0].messagesPerSecond
          bad duration          | producers:\\n  - topic: t\\nduration: sixty | 3 | duration: 'sixty' is not a duration; write a number and a unit: 500ms, 1.5s, 5m, 1h
          unknown block field   | producers:\\n  - topic: t\\nextra:\\n  a: 1\\n  b: 2 | 3 | unknown field 'extra' (known fields:
          unknown nested block  | producers:\\n  - topic: t\\n    shaep:\\n      type: ramp | 3 | unknown field 'shaep' in producers[0]
          size of wrong type    | producers:\\n  - topic: t\\n    messageSize: [1, 2] | 3 | producers[0].messageSize: expected a size in bytes or {distribution: uniform, min: .., max: ..}
          size too large        | producers:\\n  - topic: t\\n    messageSize: 5000000000 | 3 | producers[0].messageSize: expected a size in bytes
          count too large       | producers:\\n  - topic: t\\n    count: 5000000000 | 3 | producers[0].count:
          count not a number    | producers:\\n  - topic: t\\n    count: many | 3 | producers[0].count: expected a whole number, got 'many'
          repeated key          | producers:\\n  - topic: t\\nduration: 5s\\nduration: 6s | 4 | not valid YAML: Duplicate field 'duration'
          bad key kind          | producers:\\n  - topic: t\\n    keys: zipf | 3 | producers[0].keys: 'zipf' is not one of none, round-robin, random, hot-key
          bad size distribution | producers:\\n  - topic: t\\n    messageSize:\\n      distribution: pareto | 4 | producers[0].messageSize.distribution: 'pareto' is not one of fixed, uniform, normal
          weights mismatch      | topics:\\n  - name: t\\n    partitions: 3\\nproducers:\\n  - topic: t\\n    partitionWeights: [1, 2] | 6 | producers[0].partitionWeights: has 2 weights but topic t has 3 partitions
          warmup too long       | producers:\\n  - topic: t\\nduration: 10s\\nwarmup: 10s | 4 | warmup: must be >= 0 and shorter than duration (10s)
          nothing to run        | name: empty                                | 1 | producers: a workload needs producers or consumers
          not yaml              | producers: [\\n                            | 1 | not valid YAML
          """)
  void errorsNameTheFieldAndLine(String label, String yaml, int line, String message) {
    String text = yaml.replace("\\n", "\n");

    assertThatThrownBy(() -> reader.parse(text, "w.yaml"))
        .isInstanceOf(WorkloadSpecException.class)
        .hasMessageStartingWith("w.yaml line " + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void theExampleWorkloadIsValid() {
    WorkloadSpec spec = reader.read(Path.of("..", "examples", "workload.yaml"));

    assertThat(spec.topics().get(0).partitions()).isEqualTo(6);
    assertThat(spec.producers().get(0).partitionWeights()).hasSize(6);
    assertThat(spec.consumers()).hasSize(2);
  }

  @Test
  void durationsReadTheWayPeopleWriteThem() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    // A bare number is seconds, in YAML as on the command line (--interval 5).
    assertThat(Durations.parse("60")).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> Durations.parse("60x")).hasMessageContaining("500ms, 1.5s");
  }
}
