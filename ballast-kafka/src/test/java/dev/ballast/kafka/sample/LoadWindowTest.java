package dev.ballast.kafka.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.model.PartitionLoad;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LoadWindowTest {

  private static final TopicPartition TP = new TopicPartition("t", 0);
  private static final long SECOND = 1_000_000_000L;

  @Test
  void ratesComeFromOffsetDeltasTimesRecordSize() {
    LoadWindow w = new LoadWindow(3);
    // 1000 msgs/s of 100 bytes each on disk; a group consuming 500 msgs/s
    w.add(sample(0, 10_000, 0, 1_000_000, Map.of("g", 2_000L)));
    w.add(sample(5 * SECOND, 15_000, 0, 1_500_000, Map.of("g", 4_500L)));
    w.add(sample(10 * SECOND, 20_000, 0, 2_000_000, Map.of("g", 7_000L)));

    LoadEstimate e = w.estimate();

    assertThat(e.ready()).isTrue();
    assertThat(e.windowSeconds()).isEqualTo(10.0);
    PartitionLoad load = e.loads().get(TP);
    assertThat(load.messagesInPerSec()).isEqualTo(1000.0);
    assertThat(load.bytesInPerSec()).isCloseTo(100_000.0, within(0.001));
    assertThat(load.bytesOutPerSec()).isCloseTo(50_000.0, within(0.001));
    assertThat(load.sizeBytes()).isEqualTo(2_000_000);
    assertThat(e.warnings()).isEmpty();
  }

  @Test
  void theWindowKeepsOnlyTheLastSamples() {
    LoadWindow w = new LoadWindow(2);
    w.add(sample(0, 0, 0, 0, Map.of()));
    w.add(sample(SECOND, 100_000, 0, 100_000, Map.of()));
    w.add(sample(2 * SECOND, 100_010, 0, 100_010, Map.of()));

    assertThat(w.estimate().loads().get(TP).messagesInPerSec()).isEqualTo(10.0);
  }

  @Test
  void aGroupThatAppearsInTheWindowHasNoBaselineAndCountsNothing() {
    LoadWindow w = new LoadWindow(2);
    w.add(sample(0, 0, 0, 0, Map.of()));
    w.add(sample(SECOND, 1000, 0, 100_000, Map.of("late", 900L)));

    assertThat(w.estimate().loads().get(TP).bytesOutPerSec()).isZero();
  }

  @Test
  void oneSampleIsNotEnoughForRates() {
    LoadWindow w = new LoadWindow(3);
    w.add(sample(0, 0, 0, 0, Map.of()));

    assertThat(w.estimate().ready()).isFalse();
    assertThat(w.estimate().loads()).isEmpty();
  }

  @Test
  void aPartitionMissingFromTheFirstSampleIsReportedMissing() {
    LoadWindow w = new LoadWindow(2);
    w.add(new ClusterSample(0, Map.of(), Map.of(), Map.of(), Map.of(), Set.of()));
    w.add(sample(SECOND, 10, 0, 1000, Map.of()));

    assertThat(w.estimate().missing()).containsExactly(TP);
    assertThat(w.estimate().loads()).isEmpty();
  }

  @Test
  void aPartitionWhoseLeaderWasMovingInTheLastSampleKeepsItsRateFromTheSamplesThatHaveIt() {
    LoadWindow w = new LoadWindow(3);
    w.add(sample(0, 10_000, 0, 1_000_000, Map.of()));
    w.add(sample(5 * SECOND, 15_000, 0, 1_500_000, Map.of()));
    // listOffsets failed for the partition (its leader was moving): it is absent from this sample
    w.add(new ClusterSample(10 * SECOND, Map.of(), Map.of(), Map.of(), Map.of(), Set.of()));

    LoadEstimate e = w.estimate();

    assertThat(e.missing()).isEmpty();
    assertThat(e.loads().get(TP).messagesInPerSec()).isEqualTo(1000.0);
  }

  @Test
  void silentBrokersAreStaleAndSaidSo() {
    LoadWindow w = new LoadWindow(2);
    w.add(sample(0, 0, 0, 0, Map.of()));
    w.add(
        new ClusterSample(SECOND, Map.of(TP, 10L), Map.of(TP, 0L), Map.of(), Map.of(), Set.of(2)));

    assertThat(w.estimate().staleBrokers()).containsExactly(2);
    assertThat(w.estimate().warnings()).anyMatch(s -> s.contains("brokers [2] did not answer"));
  }

  @Test
  void sizeGrowthFarFromTheOffsetEstimateIsWarned() {
    LoadWindow w = new LoadWindow(2);
    // a million 100-byte records, then 1000 records of 10 kB: the log's average hides the change
    w.add(sample(0, 1_000_000, 0, 100_000_000, Map.of()));
    w.add(sample(SECOND, 1_001_000, 0, 110_000_000, Map.of()));

    assertThat(w.estimate().warnings()).anyMatch(s -> s.contains("disagrees with size growth"));
  }

  private static ClusterSample sample(
      long nanos, long end, long start, long size, Map<String, Long> committed) {
    return new ClusterSample(
        nanos,
        Map.of(TP, end),
        Map.of(TP, start),
        Map.of(TP, Map.of(0, size, 1, size / 2)),
        committed.isEmpty() ? Map.of() : Map.of(TP, committed),
        Set.of());
  }
}
