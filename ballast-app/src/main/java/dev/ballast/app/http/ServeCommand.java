package dev.ballast.app.http;

import dev.ballast.app.balance.BalanceOptions;
import dev.ballast.app.balance.BalanceRun;
import dev.ballast.app.balance.BalancerSettings;
import dev.ballast.app.balance.LoopOptions;
import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.Embedded;
import dev.ballast.app.cli.SecurityOption;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The dashboard, JSON API and /metrics over a balancer in approval mode. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web dashboard, the JSON API and Prometheus /metrics while the balancer watches",
      "the cluster in approval mode: it samples load, detects anomalies and proposes plans, and a",
      "plan moves partitions only when approved in the dashboard (or POST /api/approve).",
      "Without --bootstrap-server it starts an embedded cluster on 127.0.0.1 first."
    },
    footer = {
      "",
      "Examples:",
      "  ballast serve                                   embedded 3-broker cluster, port 8890",
      "  ballast serve --bootstrap-server localhost:9092 --http-port 9000",
      "  ballast serve --bootstrap-server localhost:9092 --auto-execute --throttle 50000000"
    })
public final class ServeCommand implements Callable<Integer> {

  /** The port {@code serve} listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8890;

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin BalanceOptions options;
  @Mixin LoopOptions loop;
  @Mixin HttpOptions http;
  @Mixin SecurityOption security;
  @Spec CommandSpec spec;

  @Option(
      names = "--auto-execute",
      description = "Execute plans as they are made, without approval (as balance does).")
  boolean autoExecute;

  @Option(
      names = "--brokers",
      defaultValue = "3",
      description = "Brokers of the embedded cluster, without --bootstrap-server (default: 3).")
  int brokers;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Stop after this long (default: run until Ctrl-C).")
  Duration duration;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HttpSettings httpSettings = http.settings(DEFAULT_PORT);
    BalancerSettings settings = loop.apply(options.settings()).withDryRun(!autoExecute);
    Duration max = duration != null ? duration : Duration.ofDays(3650);
    if (connection.isExternal()) {
      return BalanceRun.against(connection.settings(), connection.timeout(), settings)
          .maxRun(max)
          .verbose(verbose.isVerbose())
          .serving(httpSettings)
          .run(out);
    }
    var clusterSpec = Embedded.spec(brokers, List.of(), 192).withSecurity(security.security());
    out.printf("starting an embedded cluster of %d broker(s) on 127.0.0.1...%n", brokers);
    out.flush();
    try (EmbeddedKafkaCluster cluster = Embedded.start(clusterSpec)) {
      out.println("bootstrap.servers=" + cluster.bootstrapServers());
      Embedded.printSecurity(out, cluster);
      out.flush();
      return BalanceRun.against(Embedded.clientSettings(cluster), connection.timeout(), settings)
          .maxRun(max)
          .verbose(verbose.isVerbose())
          .serving(httpSettings)
          .run(out);
    }
  }
}
