package dev.ballast.workload.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AckLedgerTest {

  @Test
  void acksAreKeptPerTopicAndPartitionAndCountedOnce() {
    AckLedger ledger = new AckLedger(7);
    for (int i = 0; i < 3; i++) {
      ledger.sent();
    }
    ledger.acked("a", 2, 0);
    ledger.acked("a", 0, 0);
    ledger.acked("a", 2, 1);
    ledger.acked("a", 2, 1); // a repeated acknowledgement counts once
    ledger.acked(new String("a"), 0, 5); // an equal topic, another instance
    ledger.acked("b", 0, 0);
    ledger.acked("a", 70_000, 3); // beyond the per-partition array
    ledger.failed();

    Map<StreamId, IntervalSet> streams = ledger.ackedStreams();
    assertThat(streams).hasSize(4);
    assertThat(streams.get(new StreamId(7, "a", 2)).cardinality()).isEqualTo(2);
    assertThat(streams.get(new StreamId(7, "a", 0)).contains(5)).isTrue();
    assertThat(streams.get(new StreamId(7, "a", 0)).cardinality()).isEqualTo(2);
    assertThat(streams.get(new StreamId(7, "b", 0)).cardinality()).isEqualTo(1);
    assertThat(streams.get(new StreamId(7, "a", 70_000)).contains(3)).isTrue();
    assertThat(ledger.ackedCount()).isEqualTo(6);
    assertThat(ledger.failedCount()).isEqualTo(1);
    assertThat(ledger.produced()).isEqualTo(3);
  }
}
