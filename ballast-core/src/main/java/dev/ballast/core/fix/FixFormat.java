package dev.ballast.core.fix;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An output format of the doctor. */
public enum FixFormat {
  /** A report for people: incidents, then the steps of the fix. */
  TEXT("text"),
  /** The whole diagnosis as one JSON document. */
  JSON("json"),
  /** A bash script of Kafka's own tools: reassignments in batches, leader election, configs. */
  KAFKA_CLI("kafka-cli"),
  /** A bash script of AWS CLI calls that grows an MSK cluster. */
  AWS_CLI("aws-cli"),
  /** The change to an {@code aws_msk_cluster} resource, as a diff. */
  TERRAFORM("terraform"),
  /** The change to a Pulumi TypeScript {@code aws.msk.Cluster}, as a diff. */
  PULUMI("pulumi"),
  /** Strimzi resources: the KafkaNodePool replicas and a KafkaRebalance. */
  STRIMZI("strimzi");

  private final String label;

  FixFormat(String label) {
    this.label = label;
  }

  /** Returns the name used on the command line ("kafka-cli"). */
  public String label() {
    return label;
  }

  /** Returns the format called {@code label}, or fails naming the known ones. */
  public static FixFormat fromLabel(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    for (FixFormat f : values()) {
      if (f.label.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + label
            + "' (formats: "
            + Arrays.stream(values()).map(FixFormat::label).collect(Collectors.joining(","))
            + ")");
  }
}
