package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.canary.CanaryProber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The latency guard on a real embedded cluster, fed by the real canary prober. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatencyGuardIT {

  private EmbeddedKafkaCluster cluster;
  private ClusterFixture fixture;
  private CanaryProber prober;

  @BeforeAll
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    fixture = new ClusterFixture(cluster);
    prober =
        new CanaryProber(
            fixture.admin(),
            ClientSettings.of(cluster.bootstrapServers()),
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            30,
            System::nanoTime);
  }

  @AfterAll
  void stop() {
    if (prober != null) {
      prober.close();
    }
    if (fixture != null) {
      fixture.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void overTheLimitTheGuardBacksOffToOneMoveAndTheFloorThrottleAndTheMovesStillFinish() {
    fixture.createTopic("tight", fourOnBrokerZero());
    fixture.fill("tight", 4, 300);
    // A limit no canary probe can meet: every window is over it.
    Run run = execute("tight", Duration.ofNanos(1), 0);

    assertThat(run.end.phase()).as(run.end.notes().toString()).isEqualTo(ExecutionPhase.DONE);
    assertThat(run.end.done()).isEqualTo(4);
    // Every window is over the limit, so every decision after the start halves the pace (down to
    // the floors, 1 move and 1 MB/s, if the moves last long enough); none ever raises it.
    List<GuardDecision> backOffs =
        run.decisions.stream().filter(d -> d.action() != GuardDecision.Action.START).toList();
    assertThat(backOffs).as("guard decisions").isNotEmpty();
    long previous = run.decisions.get(0).throttle();
    for (GuardDecision d : backOffs) {
      assertThat(d.action()).as(d.toString()).isEqualTo(GuardDecision.Action.BACK_OFF);
      assertThat(d.p99Ms()).as(d.toString()).isPresent();
      assertThat(d.moves()).as(d.toString()).isEqualTo(1);
      assertThat(d.throttle()).as(d.toString()).isEqualTo(Math.max(1_000_000, previous / 2));
      previous = d.throttle();
    }
    assertThat(run.mostInFlight).as("moves in flight at once").isEqualTo(1);
    // The first back-off came while moves were in flight, so its rate was set on the broker.
    assertThat(run.ratesOnBrokerZero).contains(Long.toString(backOffs.get(0).throttle()));
    assertThat(fixture.throttleConfigs(List.of("tight")).values()).allMatch(Map::isEmpty);
  }

  @Test
  void underTheLimitTheGuardRaisesTheMovesInFlight() {
    fixture.createTopic("loose", fourOnBrokerZero());
    fixture.fill("loose", 4, 1000);
    // A limit every probe meets, a throttle of at most 2 MB/s: moves last several windows.
    Run run = execute("loose", Duration.ofSeconds(30), 2_000_000);

    assertThat(run.end.phase()).as(run.end.notes().toString()).isEqualTo(ExecutionPhase.DONE);
    assertThat(run.decisions).anyMatch(d -> d.action() == GuardDecision.Action.RAISE);
    assertThat(run.decisions).noneMatch(d -> d.action() == GuardDecision.Action.BACK_OFF);
    assertThat(run.mostInFlight).isGreaterThan(1);
    assertThat(fixture.throttleConfigs(List.of("loose")).values()).allMatch(Map::isEmpty);
  }

  private static Map<Integer, List<Integer>> fourOnBrokerZero() {
    return Map.of(0, List.of(0), 1, List.of(0), 2, List.of(0), 3, List.of(0));
  }

  /** What a guarded execution did. */
  private static final class Run {
    final List<GuardDecision> decisions = new ArrayList<>();
    final Set<String> ratesOnBrokerZero = new TreeSet<>();
    int mostInFlight;
    ExecutionProgress end;
  }

  private Run execute(String topic, Duration limit, long throttle) {
    PlanExecutor executor =
        new PlanExecutor(
            fixture.admin(),
            ExecutorSettings.defaults()
                .withThrottle(throttle)
                .withLatencyGuard(limit, Duration.ofSeconds(1)));
    executor.start(
        List.of(
            new Reassignment(topic, 0, List.of(1), 0),
            new Reassignment(topic, 1, List.of(2), 0),
            new Reassignment(topic, 2, List.of(1), 0),
            new Reassignment(topic, 3, List.of(2), 0)));
    Run run = new Run();
    run.end =
        new ExecutionAgent(
                executor,
                System::nanoTime,
                Duration.ofSeconds(120),
                p -> {
                  run.mostInFlight = Math.max(run.mostInFlight, p.inFlight());
                  GuardDecision d = p.guard().orElseThrow();
                  if (run.decisions.isEmpty()
                      || run.decisions.get(run.decisions.size() - 1).window() != d.window()) {
                    run.decisions.add(d);
                    String rate =
                        fixture
                            .throttleConfigs(List.of())
                            .getOrDefault("broker 0", Map.of())
                            .get(Throttles.LEADER_RATE);
                    if (rate != null) {
                      run.ratesOnBrokerZero.add(rate);
                    }
                  }
                })
            .alongside(
                now -> {
                  int probed = prober.doWork(now);
                  if (probed > 0) {
                    executor.onCanaryRound(prober.lastRound());
                  }
                  return probed;
                })
            .runToEnd(Duration.ofMillis(50));
    return run;
  }
}
