package dev.ballast.workload.remote;

import static dev.ballast.workload.remote.Fixtures.ledger;
import static dev.ballast.workload.remote.Fixtures.r;
import static dev.ballast.workload.remote.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.continuity.ContinuityVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuityMergeTest {

  @Test
  void producedOnOneWorkerAndConsumedOnOthersIsMatched() {
    // Producer 7 (on worker A) acked sequences 0..99 at offsets 0..99; worker B read the first
    // half, then the partition moved to worker C, which read the rest.
    ContinuityVerdict v =
        ContinuityMerge.verdict(
            List.of(read(r(0, 49), 7, r(0, 49)), read(r(50, 99), 7, r(50, 99))),
            List.of(ledger(7, 100, 0, 0, 99)));
    assertThat(v.clean()).as(v.describe()).isTrue();
    assertThat(v.acked()).isEqualTo(100);
    assertThat(v.consumed()).isEqualTo(100);
    assertThat(v.checkedAgainstAcks()).isTrue();
  }

  @Test
  void anAcknowledgedMessageNoWorkerReadIsLost() {
    ContinuityVerdict v =
        ContinuityMerge.verdict(
            List.of(read(r(0, 49), 7, r(0, 49)), read(r(50, 98), 7, r(51, 99))),
            List.of(ledger(7, 100, 0, 0, 99)));
    assertThat(v.clean()).isFalse();
    assertThat(v.lost()).isEqualTo(1);
    assertThat(v.lostSamples()).containsExactly("producer 7 t-0 sequences 50");
    assertThat(
            ContinuityMerge.consumedAll(
                List.of(read(r(0, 49), 7, r(0, 49))), List.of(ledger(7, 100, 0, 0, 99))))
        .isFalse();
  }

  @Test
  void theSameOffsetReadOnTwoWorkersIsAReReadNotADuplicate() {
    // A replacement re-read offsets 40..49 its dead predecessor had already reported.
    ContinuityVerdict v =
        ContinuityMerge.verdict(
            List.of(read(r(0, 49), 7, r(0, 49)), read(r(40, 99), 7, r(40, 99))),
            List.of(ledger(7, 100, 0, 0, 99)));
    assertThat(v.clean()).as(v.describe()).isTrue();
    assertThat(v.redelivered()).isEqualTo(10);
    assertThat(v.consumed()).isEqualTo(100);
  }

  @Test
  void theSameSequenceAtAnotherOffsetOnAnotherWorkerIsADuplicate() {
    // Sequence 49 was stored twice (offsets 49 and 50); each copy was read by another worker.
    ContinuityVerdict v =
        ContinuityMerge.verdict(
            List.of(read(r(0, 49), 7, r(0, 49)), read(r(50, 100), 7, r(49, 99))),
            List.of(ledger(7, 100, 0, 0, 99)));
    assertThat(v.duplicated()).isEqualTo(1);
    assertThat(v.clean()).isFalse();
  }

  @Test
  void withoutLedgersLostMeansGapsNeverFilled() {
    ContinuityVerdict v =
        ContinuityMerge.verdict(
            List.of(read(r(0, 9), 7, r(0, 4, 6, 10)), read(r(10, 10), 7, r(11, 11))), List.of());
    assertThat(v.checkedAgainstAcks()).isFalse();
    assertThat(v.lost()).isEqualTo(1);
  }

  @Test
  void unacknowledgedSendsOfADeadSessionAreIndeterminate() {
    // 100 sent, 90 acked, 4 failed: 6 were in flight when the process died.
    assertThat(ContinuityMerge.indeterminate(List.of(ledger(7, 100, 4, 0, 89)))).isEqualTo(6);
    assertThat(ContinuityMerge.indeterminate(List.of())).isZero();
  }
}
