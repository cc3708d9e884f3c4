package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** What removing a throttle restores, decided without a cluster. */
class ThrottlesTest {

  private static final ConfigResource BROKER_0 =
      new ConfigResource(ConfigResource.Type.BROKER, "0");

  @Test
  void aKeyStillHoldingBallastsValueGetsItsPreviousValueBackOrIsDeleted() {
    JournaledThrottle t =
        new JournaledThrottle(
            BROKER_0,
            Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"),
            Map.of(Throttles.LEADER_RATE, "77"));
    List<String> notes = new ArrayList<>();

    List<AlterConfigOp> ops =
        Throttles.calculateRestore(
            t, Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"), notes);

    assertThat(ops)
        .extracting(o -> o.opType() + " " + o.configEntry().name() + "=" + o.configEntry().value())
        .containsExactly(
            "DELETE follower.replication.throttled.rate=null",
            "SET leader.replication.throttled.rate=77");
    assertThat(notes).isEmpty();
  }

  @Test
  void aValueSomeoneElseChangedIsLeftAloneAndNoted() {
    JournaledThrottle t =
        new JournaledThrottle(BROKER_0, Map.of(Throttles.LEADER_RATE, "1000"), Map.of());
    List<String> notes = new ArrayList<>();

    List<AlterConfigOp> ops =
        Throttles.calculateRestore(t, Map.of(Throttles.LEADER_RATE, "2000"), notes);

    assertThat(ops).isEmpty();
    assertThat(notes)
        .containsExactly(
            "broker 0 leader.replication.throttled.rate is 2000, not what Ballast set: changed by"
                + " someone else, left as is");
  }

  @Test
  void aValueAlreadyGoneNeedsNothing() {
    JournaledThrottle t =
        new JournaledThrottle(BROKER_0, Map.of(Throttles.LEADER_RATE, "1000"), Map.of());
    List<String> notes = new ArrayList<>();

    assertThat(Throttles.calculateRestore(t, Map.of(), notes)).isEmpty();
    assertThat(notes).isEmpty();
  }

  @Test
  void replicaListsCompareAsSets() {
    assertThat(Throttles.sameValue("0:1,1:2", "1:2, 0:1")).isTrue();
    assertThat(Throttles.sameValue("0:1", "0:1,1:2")).isFalse();
    assertThat(Throttles.sameValue(null, "0:1")).isFalse();
    assertThat(Throttles.sameValue(null, null)).isTrue();
  }

  @Test
  void theThrottleListsLeadersOnTheCurrentReplicasAndFollowersOnTheNewOnes() {
    Map<ConfigResource, Map<String, String>> configs =
        Throttles.calculateThrottle(
            List.of(new Reassignment("t", 0, List.of(1, 2), 0)),
            Map.of("t", Map.of(0, List.of(0, 1))),
            500);

    assertThat(configs.get(BROKER_0)).containsEntry(Throttles.LEADER_RATE, "500");
    assertThat(configs.keySet())
        .extracting(ConfigResource::name)
        .containsExactlyInAnyOrder("0", "1", "2", "t");
    assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "t")))
        .containsEntry(Throttles.LEADER_REPLICAS, "0:0,0:1")
        .containsEntry(Throttles.FOLLOWER_REPLICAS, "0:2");
  }

  @Test
  void aRateTheGuardChangesKeepsTheOldRateAsBallastsAndStillRestores() {
    JournaledThrottle t =
        new JournaledThrottle(
            BROKER_0,
            Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"),
            Map.of(Throttles.LEADER_RATE, "77"));
    List<String> notes = new ArrayList<>();

    JournaledThrottle changed =
        Throttles.calculateRateChange(
            t, Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"), 500, notes);

    assertThat(changed.set())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Throttles.LEADER_RATE, "500", Throttles.FOLLOWER_RATE, "500"));
    assertThat(changed.previous()).isEqualTo(t.previous());
    assertThat(changed.earlier())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"));
    assertThat(notes).isEmpty();
    // A run that died after journaling 500 but before setting it: 1000 is still Ballast's.
    assertThat(
            Throttles.calculateRestore(
                changed,
                Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "500"),
                notes))
        .extracting(o -> o.opType() + " " + o.configEntry().name() + "=" + o.configEntry().value())
        .containsExactly(
            "DELETE follower.replication.throttled.rate=null",
            "SET leader.replication.throttled.rate=77");
    assertThat(notes).isEmpty();
  }

  @Test
  void theGuardLeavesARateSomeoneElseChangedAlone() {
    JournaledThrottle t =
        new JournaledThrottle(
            BROKER_0,
            Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"),
            Map.of());
    List<String> notes = new ArrayList<>();

    JournaledThrottle same =
        Throttles.calculateRateChange(
            t, Map.of(Throttles.LEADER_RATE, "9", Throttles.FOLLOWER_RATE, "1000"), 500, notes);

    assertThat(same).isSameAs(t);
    assertThat(notes)
        .containsExactly(
            "broker 0 leader.replication.throttled.rate is 9, not what Ballast set: the latency"
                + " guard leaves it as is");
    assertThat(
            Throttles.calculateRateChange(
                t,
                Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"),
                1000,
                notes))
        .isSameAs(t);
  }
}
