package dev.ballast.app.cli;

import dev.ballast.embedded.BrokerInfo;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts an embedded cluster and keeps it up until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a real Apache Kafka KRaft cluster on 127.0.0.1 (one controller and N brokers, each",
      "its own JVM), prints bootstrap.servers when every broker is registered, and runs until",
      "Ctrl-C, then stops every process and deletes the data. With --security the brokers",
      "take TLS or SASL (with ACLs) and the client properties files to use are printed."
    },
    footer = {
      "",
      "Examples:",
      "  ballast cluster up --brokers 3",
      "  ballast cluster up --security sasl-scram   SASL users admin and guest, with ACLs",
      "  ballast check-access --bootstrap-server 127.0.0.1:PORT --command-config FILE"
    })
public final class ClusterUpCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin SecurityOption security;
  @Mixin BrokerConfigOption brokerConfig;
  @Spec CommandSpec spec;

  @Option(
      names = "--brokers",
      defaultValue = "3",
      description = "Number of brokers, 1 to 16 (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Option(
      names = "--racks",
      split = ",",
      paramLabel = "RACK",
      description = "Racks assigned round-robin to brokers, e.g. a,b,c (default: none).")
  List<String> racks = List.of();

  @Option(
      names = "--broker-heap-mb",
      defaultValue = "192",
      description = "Heap of each broker JVM in MB (default: ${DEFAULT-VALUE}).")
  int heapMb;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ClusterSpec clusterSpec =
        brokerConfig.applyTo(
            Embedded.spec(brokers, racks, heapMb).withSecurity(security.security()));
    out.printf("starting %d broker(s) and a KRaft controller on 127.0.0.1...%n", brokers);
    out.flush();
    long start = System.nanoTime();
    EmbeddedKafkaCluster cluster = Embedded.start(clusterSpec);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("stopping the embedded cluster...");
                  out.flush();
                  cluster.close();
                  out.println("stopped: every broker and the controller exited; data deleted");
                  out.flush();
                  stopped.countDown();
                },
                "ballast-cluster-up-stop"));
    out.println("bootstrap.servers=" + cluster.bootstrapServers());
    Embedded.printSecurity(out, cluster);
    out.printf(
        "every broker registered in %.1f s; data in %s%n",
        (System.nanoTime() - start) / 1e9, cluster.directory());
    printBrokers(out, cluster.brokers());
    out.println("press Ctrl-C to stop");
    out.flush();
    stopped.await();
    return 0;
  }

  static void printBrokers(PrintWriter out, List<BrokerInfo> brokers) {
    Table table = new Table("broker", "rack", "address", "state", "pid");
    for (BrokerInfo b : brokers) {
      table.row(
          Integer.toString(b.id()),
          b.rack() == null ? "-" : b.rack(),
          b.address(),
          b.state().name().toLowerCase(),
          Long.toString(b.pid()));
    }
    table.print(out);
  }
}
