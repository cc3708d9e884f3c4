package dev.ballast.app.task.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ballast.app.task.ExternalTaskCluster;
import dev.ballast.app.task.FakeCluster;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each fault's steps on an in-memory cluster: what it asks of the cluster, and when it is done. */
class FaultsTest {

  /** A fault context over a fake cluster, with observations a test sets. */
  static final class Context implements FaultContext {
    final TaskCluster cluster;
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Set<Integer>> drained = new ArrayList<>();
    final List<Integer> added = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, Integer> replicas = new HashMap<>();
    double p99 = Double.NaN;
    int underReplicated = -1;

    Context(TaskCluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public TaskCluster cluster() {
      return cluster;
    }

    @Override
    public void log(String line) {
      log.add(line);
    }

    @Override
    public void drain(Set<Integer> brokers) {
      drained.add(brokers);
    }

    @Override
    public int replicasOn(int broker) {
      return replicas.getOrDefault(broker, -1);
    }

    @Override
    public double produceP99Ms() {
      return p99;
    }

    @Override
    public int underReplicated() {
      return underReplicated;
    }

    @Override
    public void brokerAdded(int id) {
      added.add(id);
    }
  }

  private final FakeCluster cluster = new FakeCluster(3);
  private final Context context = new Context(cluster);

  @Test
  void drainAndStopDrainsFirstAndStopsTheBrokerOnlyOnceItIsEmpty() {
    Fault fault = new DrainAndStop(2);
    assertThat(fault.description()).isEqualTo("broker 2 is decommissioned (drain, then stop)");
    fault.inject(context);
    assertThat(context.drained).containsExactly(Set.of(2));
    assertThat(fault.advance(context)).as("no sample yet").isFalse();
    context.replicas.put(2, 3);
    assertThat(fault.advance(context)).as("3 replicas still on broker 2").isFalse();
    assertThat(cluster.calls()).isEmpty();
    context.replicas.put(2, 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> fault.advance(context));
    fault.close();
    assertThat(cluster.calls()).containsExactly("stop 2");
    assertThat(cluster.isDown(2)).isTrue();
    assertThat(context.log).containsExactly("broker 2 is empty; stopping it");
  }

  @Test
  void addBrokerIsInEffectOnceTheNewBrokerRegistered() {
    Fault fault = new AddBroker();
    fault.inject(context);
    await().atMost(Duration.ofSeconds(30)).until(() -> fault.advance(context));
    fault.close();
    assertThat(cluster.calls()).containsExactly("add 3");
    assertThat(context.added).containsExactly(3);
    assertThat(context.log).containsExactly("broker 3 registered");
  }

  @Test
  void aClusterActionThatFailsFailsTheFaultOnTheNextStep() {
    ClientSettings client = ClientSettings.of("127.0.0.1:1");
    try (ExternalTaskCluster external =
        new ExternalTaskCluster(
            client,
            Admins.create(client, Duration.ofSeconds(1)),
            Duration.ofSeconds(1),
            null,
            null,
            Duration.ofSeconds(5),
            line -> {})) {
      Fault fault = new KillBroker(1);
      Context c = new Context(external);
      fault.inject(c);
      fault.close(); // the action has ended
      assertThatThrownBy(() -> fault.advance(c))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "trigger failed: this task needs --kill-broker-cmd to act on broker 1 of an"
                  + " external cluster");
    }
  }

  @Test
  void killBrokerKillsAndNeedsReplicatedInternalTopics() {
    Fault fault = new KillBroker(1);
    assertThat(fault.description()).isEqualTo("broker 1 is killed (-9)");
    fault.inject(context);
    await().atMost(Duration.ofSeconds(30)).until(() -> fault.advance(context));
    fault.close();
    assertThat(cluster.calls()).containsExactly("kill 1");
    assertThat(KillBroker.survivable(ClusterSpec.ofBrokers(3)).extraBrokerProperties())
        .containsEntry("offsets.topic.replication.factor", "2")
        .containsEntry("transaction.state.log.replication.factor", "2");
  }

  @Test
  void slowBrokerInjectsLatencyAndJudgesRecoveryByTheProducersP99() {
    Fault fault = new SlowBroker(2, Duration.ofMillis(200));
    assertThat(fault.description()).isEqualTo("200 ms latency injected on broker 2");
    assertThat(fault.advance(context)).as("not injected yet").isFalse();
    fault.inject(context);
    assertThat(fault.advance(context)).isTrue();
    assertThat(fault.clientsRecovered(context)).as("no load period yet (NaN)").isFalse();
    context.p99 = 850;
    assertThat(fault.clientsRecovered(context)).isFalse();
    context.p99 = 200;
    assertThat(fault.clientsRecovered(context)).as("at the latency is not under it").isFalse();
    context.p99 = 40;
    assertThat(fault.clientsRecovered(context)).isTrue();
    fault.undo(context);
    assertThat(cluster.calls()).containsExactly("latency 2 PT0.2S", "latency 2 PT0S");
  }

  @Test
  void bandwidthCapCapsEveryBrokerAndUndoLiftsIt() {
    Fault fault = new BandwidthCap(850_000);
    fault.undo(context);
    assertThat(cluster.calls()).as("nothing to undo before inject").isEmpty();
    fault.inject(context);
    assertThat(fault.advance(context)).isTrue();
    fault.undo(context);
    assertThat(cluster.calls())
        .containsExactly(
            "bandwidth 0 850000",
            "bandwidth 1 850000",
            "bandwidth 2 850000",
            "bandwidth 0 0",
            "bandwidth 1 0",
            "bandwidth 2 0");
    assertThatThrownBy(() -> new BandwidthCap(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytesPerSecond must be > 0");
  }

  @Test
  void defaultsJudgeNothingExtra() {
    Fault fault = new AddBroker();
    assertThat(fault.endReached(context)).isTrue();
    assertThat(fault.clientsRecovered(context)).isTrue();
    assertThat(fault.extraTime()).isZero();
    assertThat(fault.balancerOnlyObserves()).isFalse();
  }
}
