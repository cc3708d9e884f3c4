package dev.ballast.workload.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.latency.LatencyTracker;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.spec.WorkloadSpecReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadRunTest {

  private static final long MS = 1_000_000L;

  private long now;
  private final List<String> calls = new ArrayList<>();
  private boolean drainedAnswer;
  private long endWarmupTakesMs;

  /** A worker that records what the run asked of it and when (in ms of the fake clock). */
  private final class FakeWorker implements Worker {
    long sent;

    private void call(String what) {
      calls.add(now / MS + "ms " + what);
    }

    @Override
    public void startConsumerGroup(List<ConsumerAssignment> consumers, boolean catchUp) {
      call(
          (catchUp ? "catch-up " : "")
              + "group "
              + consumers.get(0).group()
              + " x"
              + consumers.size());
    }

    @Override
    public void startProducers(List<ProducerAssignment> producers) {
      call("producers x" + producers.size());
    }

    @Override
    public PeriodStats periodStats() {
      call("report");
      LatencySummary none = LatencySummary.EMPTY;
      return new PeriodStats(MS * 1000, 0, 0, 0, 0, 0, none, none, none, none);
    }

    @Override
    public WorkerTotals totals() {
      sent = now / MS; // one message per ms
      return new WorkerTotals(sent, sent, 0, 0, sent * 100);
    }

    @Override
    public void endWarmup() {
      call("end warm-up");
      now += endWarmupTakesMs * MS; // e.g. the remote warm-up's publication, or a busy machine
    }

    @Override
    public void stopProducers() {
      call("stop producers");
    }

    @Override
    public boolean hasDrained() {
      return drainedAnswer;
    }

    @Override
    public WorkerResult finish() {
      call("finish");
      return new WorkerResult(
          sent,
          sent,
          0,
          sent * 100,
          sent,
          LatencyTracker.newHistogram(),
          LatencyTracker.newHistogram(),
          LatencyTracker.newHistogram(),
          LatencyTracker.newHistogram(),
          List.of(),
          List.of());
    }

    @Override
    public void close() {}
  }

  private static final String YAML =
      """
      name: phases
      producers:
        - topic: t
          messagesPerSecond: 1000
      consumers:
        - topic: t
          group: live
          count: 2
        - topic: t
          group: late
          startAfter: 2500ms
      duration: 5s
      warmup: 1s
      drainTimeout: 3s
      """;

  private WorkloadRun newRun() {
    WorkloadSpec spec = new WorkloadSpecReader().parse(YAML, "phases.yaml");
    return new WorkloadRun(
        spec, new FakeWorker(), Map.of(), () -> now, RunListener.NONE, 7, Duration.ofSeconds(2));
  }

  /** Steps the run every 100 ms of fake time until it is done or {@code limitMs} passes. */
  private void drive(WorkloadRun run, long limitMs) {
    while (!run.isDone() && now <= limitMs * MS) {
      run.doWork();
      now += 100 * MS;
    }
  }

  @Test
  void phasesHappenAtTheirTimes() {
    WorkloadRun run = newRun();
    drainedAnswer = false;
    drive(run, 5_500);
    drainedAnswer = true;
    drive(run, 20_000);

    assertThat(calls)
        .containsExactly(
            "0ms group live x2",
            "0ms producers x1",
            "1000ms end warm-up",
            "2000ms report",
            "2500ms catch-up group late x1",
            "4000ms report",
            "5000ms stop producers",
            "5600ms finish");
    WorkloadResult result = run.result();
    assertThat(result.drained()).isTrue();
    assertThat(result.measuredSeconds()).isEqualTo(4.0);
    assertThat(result.achievedMessagesPerSecond()).isEqualTo(1000.0);
    assertThat(result.targetMessagesPerSecond()).isEqualTo(1000.0);
  }

  @Test
  void consumersThatDoNotDrainEndTheRunAtTheDrainTimeoutWithAWarning() {
    WorkloadRun run = newRun();
    drive(run, 60_000);

    // Reports go on while draining; the run gives up 3 s after the producers stopped.
    assertThat(calls).contains("5000ms stop producers", "6000ms report").endsWith("8000ms finish");
    assertThat(run.result().drained()).isFalse();
    assertThat(run.result().errors()).anyMatch(e -> e.startsWith("consumers did not drain"));
  }

  @Test
  void aStopRequestEndsTheLoadEarly() {
    WorkloadRun run = newRun();
    drainedAnswer = true;
    drive(run, 1_500);
    run.requestStop();
    drive(run, 60_000);

    assertThat(calls)
        .contains("1600ms stop producers")
        .doesNotContain("2500ms catch-up group late x1");
    assertThat(run.isDone()).isTrue();
  }

  @Test
  void theRateWindowRunsBetweenTheInstantsTheTotalsAreTakenAt() {
    // Ending the warm-up takes 150 ms and the stop step is quick: counted from the step's start,
    // the window would be 4.05 s for 3,900 messages (963/s, -3.7%); they were sent at 1,000/s.
    endWarmupTakesMs = 150;
    WorkloadRun run = newRun();
    drainedAnswer = true;
    drive(run, 20_000);

    WorkloadResult result = run.result();
    assertThat(result.measuredSeconds()).isCloseTo(3.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.achievedMessagesPerSecond())
        .isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
  }
}
