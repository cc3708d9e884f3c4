package dev.ballast.app.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.remote.ControlBus;
import dev.ballast.workload.remote.ControlTopics;
import dev.ballast.workload.remote.RemoteSettings;
import dev.ballast.workload.remote.RemoteWorkers;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.spec.WorkloadSpecReader;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.TopicPreparer;
import dev.ballast.workload.worker.WorkloadResult;
import dev.ballast.workload.worker.WorkloadRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Four real worker processes (child JVMs running {@code ballast worker}) and a controller on one
 * embedded cluster: the combined rate, exact histogram merging and continuity across workers; then
 * a worker killed with SIGKILL mid-run is detected, the run pauses, a restarted worker with the
 * same id takes its share, and the run completes clean. No process is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteWorkersIT {

  private static final List<String> IDS = List.of("w0", "w1", "w2", "w3");
  private static final String PREFIX = "it.workers";
  private static final double RATE = 1000;

  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  private Map<String, Object> clientConfig;
  private WorkerProcesses processes;
  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    clientConfig = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(clientConfig);
    try (ControlBus bus = new ControlBus(new ControlTopics(PREFIX), clientConfig)) {
      bus.ensureTopics(Duration.ofSeconds(30));
    }
    Path logs = Files.createTempDirectory("ballast-workers-it");
    processes =
        WorkerProcesses.start(
            IDS,
            List.of(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--control-prefix",
                PREFIX,
                "--session-timeout",
                "6s"),
            logs);
  }

  @AfterAll
  void stop() {
    try {
      if (processes != null) {
        processes.close();
        assertThat(processes.livePids()).as("worker processes left behind").isEmpty();
        for (String id : IDS) {
          assertThat(processes.exitCode(id)).as("exit code of " + id + " on SIGTERM").isZero();
        }
      }
    } finally {
      if (admin != null) {
        admin.close();
      }
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private WorkloadSpec spec(String name, String duration) {
    String yaml =
        """
        name: %s
        topics:
          - name: %s
            partitions: 8
            replicationFactor: 2
        producers:
          - topic: %s
            count: 4
            messagesPerSecond: %d
            messageSize: 200
            config: {acks: all, linger.ms: 5}
        consumers:
          - topic: %s
            count: 4
        duration: %s
        warmup: 3s
        drainTimeout: 60s
        """
            .formatted(name, name, name, (int) RATE, name, duration);
    return new WorkloadSpecReader().parse(yaml, name + ".yaml");
  }

  private RemoteWorkers controller(Duration grace) {
    ControlBus bus = new ControlBus(new ControlTopics(PREFIX), clientConfig);
    RemoteSettings settings =
        RemoteSettings.defaults(System.currentTimeMillis(), clientConfig).withGrace(grace);
    return new RemoteWorkers(bus, settings, NanoClock.SYSTEM, listener());
  }

  private RunListener listener() {
    return new RunListener() {
      @Override
      public void onEvent(String event) {
        events.add(event);
        System.out.println("event: " + event);
      }
    };
  }

  private CompletableFuture<WorkloadResult> run(WorkloadSpec spec, RemoteWorkers workers) {
    new TopicPreparer(admin, Duration.ofSeconds(30)).prepare(spec.topics());
    WorkloadRun run =
        new WorkloadRun(
            spec,
            workers,
            clientConfig,
            NanoClock.SYSTEM,
            listener(),
            System.nanoTime(),
            Duration.ofSeconds(1));
    return CompletableFuture.supplyAsync(() -> run.run(ParkingIdleStrategy.standard()));
  }

  private long records(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < 8; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
        .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
        .sum();
  }

  @Test
  @Order(1)
  void fourWorkersMakeTheTargetRateWithExactMergesAndCleanContinuity() throws Exception {
    WorkloadResult result;
    long workersCount;
    try (RemoteWorkers workers = controller(Duration.ofSeconds(60))) {
      assertThat(workers.awaitWorkers(4, Duration.ofSeconds(120))).containsExactlyElementsOf(IDS);
      result = run(spec("remote-healthy", "15s"), workers).get(3, TimeUnit.MINUTES);
      workersCount = workers.workersIntendedCount();
      System.out.printf(
          "healthy run: %.1f msg/s of %.0f, command latencies %s%n",
          result.achievedMessagesPerSecond(), RATE, workers.commandLatencies());
    }
    assertThat(result.achievedMessagesPerSecond()).isCloseTo(RATE, Percentage.withPercentage(2));
    // The merged histogram holds exactly what every worker counted, and with no failures that is
    // every acknowledgement after the warm-up.
    assertThat(result.latencyFromIntended().count()).isEqualTo(workersCount).isPositive();
    assertThat(result.failed()).isZero();
    GroupResult group = result.groups().get(0);
    ContinuityVerdict v = group.verdict();
    assertThat(v.clean()).as(v.describe()).isTrue();
    assertThat(v.checkedAgainstAcks()).isTrue();
    assertThat(v.acked()).isEqualTo(result.acked()).isPositive();
    assertThat(v.consumed()).isGreaterThanOrEqualTo(v.acked());
    assertThat(result.drained()).isTrue();
  }

  @Test
  @Order(2)
  void aKilledWorkerIsDetectedPausesTheRunAndItsReplacementFinishesIt() throws Exception {
    events.clear();
    WorkloadResult result;
    List<Double> detection;
    Duration paused;
    String inconclusive;
    try (RemoteWorkers workers = controller(Duration.ofSeconds(60))) {
      workers.awaitWorkers(4, Duration.ofSeconds(120));
      CompletableFuture<WorkloadResult> future = run(spec("remote-kill", "40s"), workers);
      // Mid-run: after the warm-up, with some 8 s of messages in the topic.
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  events.contains("warm-up over; measuring") && records("remote-kill") > 8 * RATE);
      long killedAt = System.nanoTime();
      processes.kill("w2");
      // Restart it once it is suspected (JVM start takes a few seconds, by which time the worker
      // group has dropped it and the run is paused).
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> events.stream().anyMatch(e -> e.startsWith("worker w2 suspected")));
      System.out.printf(
          "killed w2; suspected %.1f s later%n", (System.nanoTime() - killedAt) / 1e9);
      processes.startOne("w2");
      result = future.get(4, TimeUnit.MINUTES);
      detection = workers.detectionSeconds();
      paused = workers.paused();
      inconclusive = workers.inconclusive();
    }
    System.out.printf("detection after the last heartbeat: %s s; paused %s%n", detection, paused);
    assertThat(detection).hasSize(1);
    assertThat(detection.get(0)).isBetween(3.0, 30.0);
    assertThat(paused).isPositive();
    assertThat(inconclusive).isNull();
    assertThat(events).anyMatch(e -> e.startsWith("worker w2 suspected"));
    assertThat(events).anyMatch(e -> e.startsWith("run resumed"));
    ContinuityVerdict v = result.groups().get(0).verdict();
    assertThat(v.lost()).as(v.describe()).isZero();
    assertThat(v.duplicated()).as(v.describe()).isZero();
    assertThat(v.reordered()).as(v.describe()).isZero();
    assertThat(result.errors()).anyMatch(e -> e.contains("indeterminate"));
  }
}
