package dev.ballast.workload.remote;

import static dev.ballast.workload.remote.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.latency.LatencyTracker;
import dev.ballast.workload.remote.IntervalReport.Counters;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportAggregatorTest {

  private static IntervalReport withLatencies(long session, long seq, int generation, long... v) {
    Histogram h = LatencyTracker.newHistogram();
    for (long x : v) {
      h.recordValue(x);
    }
    IntervalReport base = report(1, session, seq, v.length);
    return new IntervalReport(
        base.workerId(),
        session,
        1,
        seq,
        generation,
        0,
        false,
        base.counters(),
        null,
        Map.of("intended", Codec.encodeHistogram(h)),
        v.length,
        0,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void theMergedHistogramHoldsExactlyEveryWorkersValues() {
    ReportAggregator a = new ReportAggregator(1);
    a.accept(withLatencies(1, 1, 0, 100, 200, 300));
    a.accept(withLatencies(2, 1, 0, 1_000_000));
    a.accept(withLatencies(1, 2, 0, 400));
    Histogram merged = a.cumulative("intended");
    assertThat(merged.getTotalCount()).isEqualTo(5);
    assertThat(merged.getMaxValue()).isBetween(999_000L, 1_001_000L);
    assertThat(a.takePeriod(1_000_000_000L).intended().count()).isEqualTo(5);
    assertThat(a.takePeriod(1_000_000_000L).intended().count()).as("period reset").isZero();
  }

  @Test
  void repeatedStaleAndWarmupReportsAreNotCountedTwice() {
    ReportAggregator a = new ReportAggregator(1);
    assertThat(a.accept(withLatencies(1, 1, 0, 100))).isTrue();
    assertThat(a.accept(withLatencies(1, 1, 0, 100))).as("same seq again").isFalse();
    assertThat(a.accept(report(2, 1, 5, 10))).as("another run's epoch").isFalse();
    a.endWarmup(1);
    a.accept(withLatencies(1, 2, 0, 100)); // recorded before the worker saw the warm-up end
    a.accept(withLatencies(1, 3, 1, 100, 100));
    assertThat(a.cumulative("intended").getTotalCount()).isEqualTo(2);
    assertThat(a.totals().acked()).as("latest cumulative counters of session 1").isEqualTo(2);
  }

  @Test
  void totalsAtARequestUseEachAnswersCountersAtTheInstantAsked() {
    ReportAggregator a = new ReportAggregator(1);
    IntervalReport base = report(1, 1, 1, 500);
    a.accept(
        new IntervalReport(
            "w",
            1,
            1,
            1,
            0,
            7,
            false,
            base.counters(),
            new Counters(400, 400, 0, 0, 4000),
            Map.of(),
            0,
            0,
            List.of(),
            List.of(),
            List.of()));
    a.accept(report(1, 2, 1, 100)); // did not answer request 7: its latest counters count
    assertThat(a.totalsAt(7).sent()).isEqualTo(500);
    assertThat(a.totals().sent()).isEqualTo(600);
  }
}
