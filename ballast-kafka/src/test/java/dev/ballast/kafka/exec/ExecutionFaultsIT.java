package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.embedded.BrokerInfo;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults while the executor moves data on a real cluster: a destination broker killed -9, the
 * controller unreachable for 20 s, the network to a broker slowed to 500 ms. In each the executor
 * keeps answering, says what happened, and leaves nothing the next start cannot reconcile: no
 * throttle of its own and nothing in the journal once the fault is over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionFaultsIT {

  private EmbeddedKafkaCluster cluster;
  private ClusterFixture fx;
  private ExecutionJournal journal;

  @BeforeAll
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    fx = new ClusterFixture(cluster);
    journal =
        TopicJournal.open(
            ClientSettings.of(cluster.bootstrapServers()), fx.admin(), ClusterFixture.TIMEOUT);
  }

  @AfterAll
  void stop() {
    if (journal != null) {
      journal.close();
    }
    if (fx != null) {
      fx.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aDestinationKilledMidMoveKeepsItsThrottleJournaledUntilItIsBack() {
    fx.createTopic("dest-dies", Map.of(0, List.of(0)));
    fx.fill("dest-dies", 1, 1500); // 1.5 MB at 50 kB/s: 30 s, the kill comes first
    Map<String, Map<String, String>> before = fx.throttleConfigs(List.of("dest-dies"));
    PlanExecutor executor = executor(50_000);
    executor.start(List.of(new Reassignment("dest-dies", 0, List.of(2), 0)));
    executor.doWork(System.nanoTime());
    assertThat(journal.state().moves()).hasSize(1);

    cluster.killBroker(2);
    keepsWorking(executor, Duration.ofSeconds(5)); // the move stays in flight, nothing throws
    assertThat(executor.progress().inFlight()).isEqualTo(1);
    executor.cancel();
    executor.doWork(System.nanoTime());

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.CANCELLED);
    assertThat(executor.progress().notes())
        .anyMatch(n -> n.contains("broker 2 is down: its throttle stays journaled"));
    assertThat(fx.replicas("dest-dies", 0)).containsExactly(0);
    assertThat(fx.endOffset("dest-dies", 0)).isEqualTo(1500);
    assertThat(journal.state().moves()).isEmpty();
    assertThat(journal.state().throttles()).containsOnlyKeys(broker(2));

    cluster.restartBroker(2);
    PlanExecutor next = executor(0);
    next.resume();
    runToEnd(next);
    assertThat(next.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(journal.state().isEmpty()).isTrue();
    assertThat(fx.throttleConfigs(List.of("dest-dies"))).isEqualTo(before);
  }

  @Test
  void theControllerUnreachableFor20sMidBatchDelaysButDoesNotLoseTheMove()
      throws IOException, InterruptedException {
    fx.createTopic("no-controller", Map.of(0, List.of(0), 1, List.of(0)));
    fx.fill("no-controller", 2, 300);
    Map<String, Map<String, String>> before = fx.throttleConfigs(List.of("no-controller"));
    PlanExecutor executor = executor(100_000);
    executor.start(
        List.of(
            new Reassignment("no-controller", 0, List.of(1), 0),
            new Reassignment("no-controller", 1, List.of(2), 0)));
    executor.doWork(System.nanoTime());
    assertThat(executor.progress().inFlight()).isEqualTo(2);

    long controller = controllerPid();
    signal("STOP", controller);
    try {
      keepsWorking(executor, Duration.ofSeconds(20)); // each step returns within the timeout
    } finally {
      signal("CONT", controller);
    }
    runToEnd(executor);

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(executor.progress().done()).isEqualTo(2);
    assertThat(executor.progress().notes())
        .anyMatch(n -> n.startsWith("the cluster did not answer"))
        .contains("the cluster answers again; carrying on");
    assertThat(fx.replicas("no-controller", 0)).containsExactly(1);
    assertThat(fx.endOffset("no-controller", 0)).isEqualTo(300);
    assertThat(fx.endOffset("no-controller", 1)).isEqualTo(300);
    assertThat(journal.state().isEmpty()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(fx.throttleConfigs(List.of("no-controller"))).isEqualTo(before));
  }

  @Test
  void aBrokerBehind500msOfLatencyStillGetsItsReplicaAndTheThrottleGoes() {
    fx.createTopic("slow-net", Map.of(0, List.of(0)));
    fx.fill("slow-net", 1, 300);
    Map<String, Map<String, String>> before = fx.throttleConfigs(List.of("slow-net"));
    cluster.setLatency(1, Duration.ofMillis(500));
    try {
      PlanExecutor executor = executor(200_000);
      executor.start(List.of(new Reassignment("slow-net", 0, List.of(1), 0)));
      runToEnd(executor);
      assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.DONE);
    } finally {
      cluster.setLatency(1, Duration.ZERO);
    }
    assertThat(fx.replicas("slow-net", 0)).containsExactly(1);
    assertThat(fx.endOffset("slow-net", 0)).isEqualTo(300);
    assertThat(journal.state().isEmpty()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fx.throttleConfigs(List.of("slow-net"))).isEqualTo(before));
  }

  private PlanExecutor executor(long throttle) {
    return new PlanExecutor(
        fx.admin(), ExecutorSettings.defaults().withThrottle(throttle), journal, "test");
  }

  /** Steps {@code executor} for {@code period}: every step returns and it does not end. */
  private static void keepsWorking(PlanExecutor executor, Duration period) {
    await()
        .during(period)
        .atMost(period.plusSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              executor.doWork(System.nanoTime());
              return !executor.isFinished();
            });
  }

  private static void runToEnd(PlanExecutor executor) {
    new ExecutionAgent(executor, System::nanoTime, Duration.ofSeconds(120), p -> {})
        .runToEnd(Duration.ofMillis(100));
  }

  private long controllerPid() {
    List<Long> brokers = cluster.brokers().stream().map(BrokerInfo::pid).toList();
    return cluster.pids().stream().filter(p -> !brokers.contains(p)).findFirst().orElseThrow();
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor()).isZero();
  }

  private static org.apache.kafka.common.config.ConfigResource broker(int id) {
    return new org.apache.kafka.common.config.ConfigResource(
        org.apache.kafka.common.config.ConfigResource.Type.BROKER, Integer.toString(id));
  }
}
