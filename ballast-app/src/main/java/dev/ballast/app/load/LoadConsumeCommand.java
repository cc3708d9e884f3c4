package dev.ballast.app.load;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.workload.spec.ConsumerSpec;
import dev.ballast.workload.spec.Durations;
import dev.ballast.workload.spec.InvalidFieldException;
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

/** Consumes a topic with a group and checks the continuity of Ballast's messages in it. */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    description = {
      "Consumes a topic with a consumer group and checks the continuity of Ballast's messages.",
      "A group without committed offsets starts from the earliest offset. Without the producers'"
          + " acknowledgements, 'lost' counts gaps in each producer's sequence never filled."
    })
public final class LoadConsumeCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin LoadOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--topic", required = true, description = "The topic to consume.")
  String topic;

  @Option(names = "--group", required = true, description = "The consumer group id.")
  String group;

  @Option(
      names = "--consumers",
      defaultValue = "1",
      description = "Consumers in the group, one thread each (default: ${DEFAULT-VALUE}).")
  int consumers;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "How long to consume (default: ${DEFAULT-VALUE}; Ctrl-C stops earlier).")
  String duration;

  @Option(
      names = "--consumer-prop",
      paramLabel = "KEY=VALUE",
      description = "A Kafka consumer setting, e.g. fetch.min.bytes=1 (repeatable).")
  Map<String, String> consumerProps = Map.of();

  @Override
  public Integer call() {
    WorkloadSpec workload;
    try {
      workload =
          new WorkloadSpec(
              "consume-" + topic,
              List.of(),
              List.of(),
              List.of(new ConsumerSpec(topic, group, consumers, Duration.ZERO, consumerProps)),
              Durations.parse(duration),
              Duration.ZERO,
              Duration.ZERO);
    } catch (InvalidFieldException e) {
      throw new UserException(
          "--" + (e.field().equals("count") ? "consumers" : e.field()) + ": " + e.reason());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    return new LoadSession(options, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(workload);
  }
}
