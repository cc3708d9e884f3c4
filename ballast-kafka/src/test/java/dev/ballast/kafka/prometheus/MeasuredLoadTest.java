package dev.ballast.kafka.prometheus;

import static dev.ballast.kafka.prometheus.PrometheusFixtures.in;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.out;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.model.PartitionLoad;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MeasuredLoadTest {

  private static final TopicPartition A0 = new TopicPartition("a", 0);
  private static final TopicPartition A1 = new TopicPartition("a", 1);
  private static final TopicPartition B0 = new TopicPartition("b", 0);

  /** a-0 takes 100 msg/s, a-1 300 msg/s (estimated 100 B each); a group reads a-0 only. */
  private static final LoadEstimate ESTIMATE =
      estimate(
          Map.of(
              A0, new PartitionLoad(10_000, 5_000, 100, 1_000_000),
              A1, new PartitionLoad(30_000, 0, 300, 3_000_000),
              B0, new PartitionLoad(0, 0, 0, 0)));

  @Test
  void aPerTopicFigureIsSplitByMessageShareAndSizesAndMessagesStay() {
    LoadEstimate e = MeasuredLoad.overlay(ESTIMATE, usable(Map.of(in("a"), 60_000.0)));

    assertThat(e.loads().get(A0)).isEqualTo(new PartitionLoad(15_000, 5_000, 100, 1_000_000));
    assertThat(e.loads().get(A1)).isEqualTo(new PartitionLoad(45_000, 0, 300, 3_000_000));
    assertThat(e.loads().get(B0)).isEqualTo(new PartitionLoad(0, 0, 0, 0));
    assertThat(e.warnings()).containsExactly("already here");
    assertThat(e.windowSeconds()).isEqualTo(ESTIMATE.windowSeconds());
  }

  @Test
  void bytesOutFollowConsumedShareElseMessageShareElseAnEvenSplit() {
    LoadEstimate consumed = MeasuredLoad.overlay(ESTIMATE, usable(Map.of(out("a"), 8_000.0)));
    assertThat(consumed.loads().get(A0).bytesOutPerSec()).isEqualTo(8_000.0);
    assertThat(consumed.loads().get(A1).bytesOutPerSec()).isEqualTo(0.0);

    LoadEstimate noGroups =
        estimate(
            Map.of(
                A0,
                new PartitionLoad(10_000, 0, 100, 0),
                A1,
                new PartitionLoad(30_000, 0, 300, 0)));
    LoadEstimate byMessages = MeasuredLoad.overlay(noGroups, usable(Map.of(out("a"), 8_000.0)));
    assertThat(byMessages.loads().get(A0).bytesOutPerSec()).isEqualTo(2_000.0);
    assertThat(byMessages.loads().get(A1).bytesOutPerSec()).isEqualTo(6_000.0);

    LoadEstimate still =
        estimate(Map.of(A0, new PartitionLoad(0, 0, 0, 0), A1, new PartitionLoad(0, 0, 0, 0)));
    LoadEstimate even = MeasuredLoad.overlay(still, usable(Map.of(out("a"), 8_000.0)));
    assertThat(even.loads().get(A0).bytesOutPerSec()).isEqualTo(4_000.0);
    assertThat(even.loads().get(A1).bytesOutPerSec()).isEqualTo(4_000.0);
  }

  @Test
  void perPartitionFiguresAreTakenAsTheyAreAndUnreportedPartitionsCarryNothing() {
    LoadEstimate e =
        MeasuredLoad.overlay(ESTIMATE, usable(Map.of(in("a", 1), 33_000.0, out("a", 1), 7.0)));

    assertThat(e.loads().get(A0).bytesInPerSec()).isZero();
    assertThat(e.loads().get(A1).bytesInPerSec()).isEqualTo(33_000.0);
    assertThat(e.loads().get(A0).bytesOutPerSec()).isZero();
    assertThat(e.loads().get(A1).bytesOutPerSec()).isEqualTo(7.0);
  }

  @Test
  void aTopicWithMessagesButNoSeriesKeepsTheOffsetEstimateAndIsNamed() {
    LoadEstimate e = MeasuredLoad.overlay(ESTIMATE, usable(Map.of(in("other"), 1.0)));

    assertThat(e.loads()).isEqualTo(ESTIMATE.loads());
    assertThat(e.warnings())
        .containsExactly(
            "already here",
            "prometheus: no bytes-in series for [a], which took messages in the window; their"
                + " bytes in/out are estimated from offsets (does --prometheus-url list every"
                + " broker?)");
  }

  @Test
  void aMeasuredFigureFarFromTheEstimateIsUsedAndWarnedAbout() {
    LoadEstimate e = MeasuredLoad.overlay(ESTIMATE, usable(Map.of(in("a"), 10_000.0)));

    assertThat(e.loads().get(A1).bytesInPerSec()).isCloseTo(7_500.0, within(1e-9));
    assertThat(e.warnings())
        .contains(
            "prometheus: a: measured bytes in (10000 B/s) and offsets x record size (40000 B/s)"
                + " differ by more than 2x; using the measured figure (does --prometheus-url list"
                + " every broker?)");
  }

  @Test
  void unusableTrafficLeavesTheEstimateAndSaysWhy() {
    MeasuredTraffic failed =
        new MeasuredTraffic(
            Map.of(in("a"), 60_000.0), Set.of(), 2, List.of("http://b1:9404/metrics: HTTP 500"));

    LoadEstimate e = MeasuredLoad.overlay(ESTIMATE, failed);

    assertThat(e.loads()).isEqualTo(ESTIMATE.loads());
    assertThat(e.warnings())
        .containsExactly(
            "already here",
            "prometheus: http://b1:9404/metrics: HTTP 500",
            "prometheus: bytes in/out are estimated from offsets in this window");
  }

  @Test
  void anEstimateThatIsNotReadyIsLeftAlone() {
    LoadEstimate notReady = new LoadEstimate(Map.of(), 0, 1, Set.of(), Set.of(), List.of());

    assertThat(MeasuredLoad.overlay(notReady, usable(Map.of(in("a"), 1.0)))).isSameAs(notReady);
  }

  private static MeasuredTraffic usable(Map<TrafficKey, Double> bytesPerSec) {
    return new MeasuredTraffic(bytesPerSec, Set.of(Dialect.STRIMZI), 1, List.of());
  }

  private static LoadEstimate estimate(Map<TopicPartition, PartitionLoad> loads) {
    return new LoadEstimate(loads, 10, 3, Set.of(), Set.of(), List.of("already here"), 1, 11);
  }
}
