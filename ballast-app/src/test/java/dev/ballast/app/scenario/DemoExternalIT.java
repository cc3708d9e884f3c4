package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.Main;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code demo --bootstrap-server} on a cluster the demo did not start: the user's commands add and
 * stop brokers (here they leave a request file that the test, standing for the operator's tooling,
 * carries out on its own embedded cluster). The scale-up then scale-down run one after the other on
 * the same cluster, as a user would; each deletes its topic and group afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoExternalIT {

  @TempDir static Path work;
  private static EmbeddedKafkaCluster cluster;
  private static Thread operator;
  private static volatile boolean done;
  private static final List<String> actions = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(2));
    Path requests = Files.createDirectories(work.resolve("requests"));
    operator =
        new Thread(
            () -> {
              while (!done) {
                try (Stream<Path> files = Files.list(requests)) {
                  for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    Files.delete(f);
                    synchronized (actions) {
                      actions.add(name);
                    }
                    if (name.equals("add")) {
                      cluster.addBroker();
                    } else if (name.startsWith("stop-")) {
                      cluster.stopBroker(Integer.parseInt(name.substring(5)));
                    }
                  }
                  TimeUnit.MILLISECONDS.sleep(200);
                } catch (IOException | InterruptedException e) {
                  return;
                }
              }
            },
            "test-operator");
    operator.setDaemon(true);
    operator.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    done = true;
    operator.join(5_000);
    cluster.close();
  }

  @Test
  @Order(1)
  void scaleUpRunsTheAddBrokerCommandAndCleansUp() throws IOException {
    Run run = demo("scale-up");
    assertPassed(run, "scale-up");
    assertThat(run.out).contains("running --add-broker-cmd: touch ");
    assertThat(actionsSeen()).containsExactly("add");
    assertThat(run.out)
        .contains("cleanup: topic ballast-demo-growth and group scale-up-check deleted");
    assertThat(topics()).doesNotContain("ballast-demo-growth");
  }

  @Test
  @Order(2)
  void scaleDownRunsTheStopBrokerCommandWithTheBrokerId() throws IOException {
    Run run = demo("scale-down");
    assertPassed(run, "scale-down");
    assertThat(actionsSeen()).containsExactly("add", "stop-2");
    assertThat(cluster.downBrokers()).containsExactly(2);
    assertThat(topics()).doesNotContain("ballast-demo-shrink");
  }

  @Test
  @Order(3)
  void faultScenariosAndBadInputAreRefusedWithAClearError() {
    String servers = cluster.bootstrapServers();
    Run slow = run("demo", "slow-node", "--quick", "--bootstrap-server", servers);
    assertThat(slow.exit).isEqualTo(2);
    assertThat(slow.out).contains("slow-node injects faults with the embedded cluster's proxy");

    Run unreachable = run("demo", "traffic-based", "--bootstrap-server", "127.0.0.1:1");
    assertThat(unreachable.exit).isEqualTo(2);
    assertThat(unreachable.out).contains("cannot reach the cluster at 127.0.0.1:1");

    Run stray = run("demo", "scale-up", "--add-broker-cmd", "true");
    assertThat(stray.exit).isEqualTo(2);
    assertThat(stray.out).contains("go with --bootstrap-server");
  }

  private Run demo(String scenario) {
    Path requests = work.resolve("requests");
    return run(
        "demo",
        scenario,
        "--quick",
        "--results",
        work.resolve("results").toString(),
        "--bootstrap-server",
        cluster.bootstrapServers(),
        "--add-broker-cmd",
        "touch " + requests.resolve("add"),
        "--stop-broker-cmd",
        "touch " + requests.resolve("stop-{id}"),
        "--action-timeout",
        "2m");
  }

  private void assertPassed(Run run, String scenario) throws IOException {
    Path dir;
    try (Stream<Path> dirs = Files.list(work.resolve("results"))) {
      dir =
          dirs.filter(d -> d.getFileName().toString().startsWith(scenario + "-2"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no results for " + scenario + "\n" + run.out));
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText()).as(run.out).isEqualTo("PASS");
    assertThat(run.exit).isZero();
    assertThat(summary.path("continuity").path("lost").asLong()).isZero();
  }

  private static List<String> actionsSeen() {
    synchronized (actions) {
      return List.copyOf(actions);
    }
  }

  private static Set<String> topics() {
    try (Admin admin =
        Admins.create(ClientSettings.of(cluster.bootstrapServers()), Duration.ofSeconds(15))) {
      return admin.listTopics().names().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot list topics", e);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString());
  }

  private record Run(int exit, String out) {}
}
