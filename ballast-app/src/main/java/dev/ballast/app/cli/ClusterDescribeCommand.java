package dev.ballast.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.access.TopicVisibility;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints any cluster's brokers, their partition and leader counts, and every topic's placement. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Describes any Kafka-compatible cluster: brokers (id, rack, address, fenced) with the",
      "replicas and leaders each holds, then every topic's placement (leader, replicas, ISR)."
    })
public final class ClusterDescribeCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Option(names = "--internal", description = "Include internal topics (__consumer_offsets, ...).")
  boolean internal;

  @Option(names = "--json", description = "Print the description as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ClientSettings settings = connection.settings();
    ClusterDescription d = describe(settings, connection.timeout(), internal);
    PrintWriter out = spec.commandLine().getOut();
    boolean hidden = d.topics().isEmpty() && topicsHidden(settings, connection.timeout());
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(d));
      out.flush();
    } else {
      print(out, d, hidden);
    }
    if (hidden) {
      throw new UserException(
          "no topics visible to principal "
              + AccessErrors.principal(connection.commandConfig)
              + ": DESCRIBE on topics may be missing (grant DESCRIBE on topic '*' or the topics to"
              + " balance; bin/ballast check-access lists what Ballast needs)",
          AccessErrors.ACCESS);
    }
    return 0;
  }

  /** Returns whether an empty topic list means the principal may not see topics. */
  private static boolean topicsHidden(ClientSettings settings, Duration timeout) {
    try (Admin admin = Admins.create(settings, timeout)) {
      return TopicVisibility.hidden(admin, timeout);
    }
  }

  /** Describes the cluster at {@code settings}; an unreachable cluster is a one-line user error. */
  static ClusterDescription describe(ClientSettings settings, Duration timeout, boolean internal) {
    try (Admin admin = Admins.create(settings, timeout)) {
      return new ClusterDescriber(admin, timeout, settings.bootstrapServers()).describe(internal);
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UserException(
          "cannot connect to " + settings.bootstrapServers() + ": " + CliErrors.describe(e), 3);
    }
  }

  static void print(PrintWriter out, ClusterDescription d, boolean topicsHidden) {
    out.printf(
        "cluster %s, controller %d, %d broker(s), %d topic(s)%n",
        d.clusterId(), d.controllerId(), d.brokers().size(), d.topics().size());
    Map<Integer, Integer> replicas = d.replicasPerBroker();
    Map<Integer, Integer> leaders = d.leadersPerBroker();
    Table brokers = new Table("broker", "rack", "address", "fenced", "replicas", "leaders");
    for (ClusterDescription.Broker b : d.brokers()) {
      brokers.row(
          Integer.toString(b.id()),
          b.rack() == null ? "-" : b.rack(),
          b.host() + ":" + b.port(),
          b.fenced() ? "yes" : "no",
          Integer.toString(replicas.getOrDefault(b.id(), 0)),
          Integer.toString(leaders.getOrDefault(b.id(), 0)));
    }
    out.println();
    brokers.print(out);
    if (d.topics().isEmpty()) {
      out.println();
      out.println(topicsHidden ? "no topics visible (see below)" : "no topics");
      out.flush();
      return;
    }
    Table topics = new Table("topic", "partition", "leader", "replicas", "isr");
    d.topics()
        .forEach(
            (name, parts) -> {
              for (ClusterDescription.Partition p : parts) {
                topics.row(
                    name,
                    Integer.toString(p.partition()),
                    p.leader() < 0 ? "none" : Integer.toString(p.leader()),
                    ids(p.replicas()),
                    ids(p.isr()));
              }
            });
    out.println();
    topics.print(out);
  }

  private static String ids(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
