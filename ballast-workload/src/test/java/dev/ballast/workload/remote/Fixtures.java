package dev.ballast.workload.remote;

import dev.ballast.workload.remote.IntervalReport.Counters;
import dev.ballast.workload.remote.IntervalReport.GroupReport;
import dev.ballast.workload.remote.IntervalReport.LedgerReport;
import dev.ballast.workload.remote.IntervalReport.PartitionReport;
import java.util.List;
import java.util.Map;

/** Small builders of protocol messages shared by the remote tests. */
final class Fixtures {

  static final String TOPIC = "t";

  private Fixtures() {}

  /** A ledger of producer {@code id} on partition 0 with the flat acked ranges. */
  static LedgerReport ledger(long id, long produced, long failed, long... acked) {
    return new LedgerReport(id, TOPIC, produced, failed, Map.of(0, acked));
  }

  /** What one worker read of group "g" on partition 0: offsets and one producer's sequences. */
  static GroupReport read(long[] offsets, long producer, long[] sequences) {
    return new GroupReport(
        "g", TOPIC, List.of(new PartitionReport(0, offsets, Map.of(producer, sequences), 0, 0, 0)));
  }

  /** A report of session {@code session} with {@code acked} acknowledgements and no histograms. */
  static IntervalReport report(long epoch, long session, long seq, long acked) {
    return new IntervalReport(
        "w-" + session,
        session,
        epoch,
        seq,
        0,
        0,
        false,
        new Counters(acked, acked, 0, 0, acked * 10),
        null,
        Map.of(),
        0,
        0,
        List.of(),
        List.of(),
        List.of());
  }

  /** Returns {@code values} (flat ranges). */
  static long[] r(long... values) {
    return values;
  }
}
