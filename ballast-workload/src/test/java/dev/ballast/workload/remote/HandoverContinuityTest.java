package dev.ballast.workload.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.continuity.AckLedger;
import dev.ballast.workload.continuity.ContinuityChecker;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.continuity.PartitionChecker;
import dev.ballast.workload.remote.IntervalReport.GroupReport;
import dev.ballast.workload.remote.IntervalReport.LedgerReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker dies and its replacement (same worker id, new process) takes its share: the dead
 * session's consumer reported offsets 0..49 of the 60 it read; the replacement re-reads from the
 * committed offset 40, then reads its own producer's messages. Each producer session has its own
 * id, so nothing is reported reordered or duplicated across the handover; a replacement that reused
 * the dead session's producer id would look like both.
 */
class HandoverContinuityTest {

  private static final String TOPIC = "t";
  private static final long DEAD_SESSION = 0xA1L;
  private static final long NEW_SESSION = 0xB2L;

  /** A producer id as {@code WorkerShare} makes it: session bits, then a 20-bit counter. */
  private static long producerId(long session) {
    return session << 20;
  }

  private static ContinuityVerdict handover(long replacementProducer) {
    long deadProducer = producerId(DEAD_SESSION);
    AckLedger deadLedger = new AckLedger(deadProducer);
    AckLedger newLedger = new AckLedger(replacementProducer);
    for (long seq = 0; seq < 60; seq++) { // offsets 0..59
      deadLedger.sent();
      deadLedger.acked(TOPIC, 0, seq);
    }
    for (long seq = 0; seq < 40; seq++) { // offsets 60..99: a producer counts from 0
      newLedger.sent();
      newLedger.acked(TOPIC, 0, seq);
    }
    // The dead worker's consumer: its last report covered offsets 0..49.
    ContinuityChecker dead = new ContinuityChecker();
    PartitionChecker deadPart = dead.partition(TOPIC, 0);
    for (long offset = 0; offset < 50; offset++) {
      deadPart.record(offset, deadProducer, offset);
    }
    // The replacement's consumer: from the committed offset 40, the dead session's tail, then the
    // new session's messages.
    ContinuityChecker replacement = new ContinuityChecker();
    PartitionChecker newPart = replacement.partition(TOPIC, 0);
    for (long offset = 40; offset < 60; offset++) {
      newPart.record(offset, deadProducer, offset);
    }
    for (long offset = 60; offset < 100; offset++) {
      newPart.record(offset, replacementProducer, offset - 60);
    }
    List<GroupReport> parts =
        List.of(
            ReportBuilder.group("g", TOPIC, dead), ReportBuilder.group("g", TOPIC, replacement));
    List<LedgerReport> ledgers = new ArrayList<>();
    Map<Long, String> topics = new HashMap<>();
    topics.put(deadProducer, TOPIC);
    topics.put(replacementProducer, TOPIC);
    ledgers.addAll(ReportBuilder.ledgers(List.of(deadLedger, newLedger), topics));
    return ContinuityMerge.verdict(parts, ledgers);
  }

  @Test
  void aReplacementsNewProducerSessionIsNeitherReorderedNorDuplicated() {
    ContinuityVerdict v = handover(producerId(NEW_SESSION));

    assertThat(v.clean()).as(v.describe()).isTrue();
    assertThat(v.reordered()).isZero();
    assertThat(v.duplicated()).isZero();
    assertThat(v.lost()).isZero();
    assertThat(v.redelivered()).isEqualTo(10); // offsets 40..49, read by both sessions
    assertThat(v.consumed()).isEqualTo(100);
  }

  @Test
  void aReplacementReusingTheDeadSessionsProducerIdWouldLookReorderedAndDuplicated() {
    ContinuityVerdict v = handover(producerId(DEAD_SESSION));

    assertThat(v.clean()).isFalse();
    assertThat(v.reordered()).as(v.describe()).isPositive(); // sequence 0 after 59, further on
    assertThat(v.duplicated()).as(v.describe()).isPositive(); // sequences 0..39 stored twice
  }
}
