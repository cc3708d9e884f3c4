package dev.ballast.app.load;

import dev.ballast.app.cli.ByteRateConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.workload.spec.Durations;
import dev.ballast.workload.spec.InvalidFieldException;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.spec.ProducerSpec;
import dev.ballast.workload.spec.TopicSpec;
import dev.ballast.workload.spec.WorkloadSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Produces to one topic at a target rate, like kafka-producer-perf-test but open loop. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Produces to one topic at a target rate, like kafka-producer-perf-test but open loop.",
      "Without --rate and --bytes-per-sec it produces as fast as it can. The topic is created"
          + " when missing. Latency counts from each message's intended send time."
    })
public final class LoadProduceCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin LoadOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--topic", required = true, description = "The topic to produce to.")
  String topic;

  @Option(names = "--rate", paramLabel = "MSGS/S", description = "Target messages per second.")
  Double rate;

  @Option(
      names = "--bytes-per-sec",
      paramLabel = "BYTES/S",
      converter = ByteRateConverter.class,
      description = "Target payload bytes/s, e.g. 10MB or 5MiB.")
  Long bytesPerSecond;

  @Option(
      names = "--record-size",
      defaultValue = "100",
      description = "Payload bytes per message (default: ${DEFAULT-VALUE}).")
  int recordSize;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "How long to produce (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--warmup",
      defaultValue = "0s",
      description = "Leading time excluded from the figures (default: ${DEFAULT-VALUE}).")
  String warmup;

  @Option(
      names = "--producers",
      defaultValue = "1",
      description = "Producers sharing the rate, one thread each (default: ${DEFAULT-VALUE}).")
  int producers;

  @Option(
      names = "--partitions",
      defaultValue = "6",
      description = "Partitions when the topic is created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--replication-factor",
      description = "Replication factor when the topic is created (default: the broker's).")
  Integer replicationFactor;

  @Option(
      names = "--keys",
      defaultValue = "none",
      description = "none, round-robin, random or hot-key (default: ${DEFAULT-VALUE}).")
  String keys;

  @Option(
      names = "--producer-prop",
      paramLabel = "KEY=VALUE",
      description = "A Kafka producer setting, e.g. acks=1 linger.ms=5 (repeatable).")
  Map<String, String> producerProps = Map.of();

  @Override
  public Integer call() {
    WorkloadSpec workload;
    try {
      Duration d = Durations.parse(duration);
      workload =
          new WorkloadSpec(
              "produce-" + topic,
              List.of(new TopicSpec(topic, partitions, replicationFactor, null, null)),
              List.of(
                  new ProducerSpec(
                      topic,
                      producers,
                      rate,
                      bytesPerSecond == null ? null : bytesPerSecond.doubleValue(),
                      MessageSizeSpec.fixed(recordSize),
                      keys,
                      null,
                      null,
                      null,
                      null,
                      producerProps)),
              List.of(),
              d,
              Durations.parse(warmup),
              Duration.ZERO);
    } catch (InvalidFieldException e) {
      throw new UserException("--" + option(e.field()) + ": " + e.reason());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    return new LoadSession(options, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(workload);
  }

  /** Returns the command-line option for a workload field name. */
  static String option(String field) {
    return switch (field) {
      case "messagesPerSecond" -> "rate";
      case "bytesPerSecond" -> "bytes-per-sec";
      case "count" -> "producers";
      case "messageSize", "size" -> "record-size";
      case "replicationFactor" -> "replication-factor";
      default -> field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    };
  }
}
