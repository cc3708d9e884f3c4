package dev.ballast.app.task.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.app.task.builtin.Continuity;
import dev.ballast.app.task.builtin.ContinuityCheck;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.latency.LatencyTracker;
import dev.ballast.workload.worker.ConsumerAssignment;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.ProducerAssignment;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkerResult;
import dev.ballast.workload.worker.WorkerTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steady load's drain, stepped on a fake clock with a fake worker: the producers stop once, the
 * period in which they stopped is sampled too (due or not), and consumers that never catch up end
 * the drain at its limit with a load that says so.
 */
class SteadyLoadTest {

  private static final long S = 1_000_000_000L;
  private static final String TOPIC = "chaos";

  private final FakeWorker worker = new FakeWorker();
  private final SteadyLoad load = new SteadyLoad(worker, TOPIC, 1000);

  @Test
  void theDrainSamplesThePeriodInWhichTheProducersStoppedOnceTheConsumersCaughtUp() {
    load.start(ClientSettings.of("127.0.0.1:1"), 2, 100, 10, 0);
    worker.ackedInPeriod = 1000;
    assertThat(load.sample(S / 2)).as("not due yet").isNull();
    assertThat(load.sample(S)).isNotNull();

    worker.ackedInPeriod = 300; // the producers stop part-way through the last period
    assertThat(load.drainStep(S + S / 2, Duration.ofSeconds(5))).isFalse();
    assertThat(load.drainStep(S + 6 * S / 10, Duration.ofSeconds(5))).isFalse();
    assertThat(worker.calls).containsExactly("consumers", "producers x2", "stats", "stop");
    assertThatThrownBy(load::result).isInstanceOf(IllegalStateException.class);

    worker.drained = true;
    assertThat(load.drainStep(S + 7 * S / 10, Duration.ofSeconds(5))).isTrue();
    assertThat(load.drainStep(S + 8 * S / 10, Duration.ofSeconds(5))).as("once").isTrue();

    assertThat(worker.calls)
        .containsExactly("consumers", "producers x2", "stats", "stop", "stats", "finish");
    assertThat(load.throughput(-1).samples())
        .extracting(Observed.RateSample::nanos, Observed.RateSample::perSecond)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(S, 1000.0),
            org.assertj.core.groups.Tuple.tuple(S + 7 * S / 10, 300.0));
    assertThat(load.latencies()).hasSize(2);
    assertThat(load.result().drained()).isTrue();
    assertThat(load.continuity().readToEnd()).isTrue();
    assertThat(judge(load.continuity()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void consumersThatNeverCatchUpEndTheDrainAtItsLimitAndTheRunIsNotPassed() {
    load.start(ClientSettings.of("127.0.0.1:1"), 1, 100, 0, 0);
    worker.verdict = verdict(/* lost= */ 40, /* duplicated= */ 0);
    long t = S;
    while (!load.drainStep(t, Duration.ofSeconds(5))) {
      t += S / 10;
    }
    assertThat(t).isBetween(6 * S, 6 * S + S / 10);
    assertThat(worker.calls)
        .containsExactly("consumers", "producers x1", "stop", "stats", "finish");
    assertThat(load.throughput(-1).samples())
        .extracting(Observed.RateSample::nanos)
        .containsExactly(t);
    assertThat(load.result().drained()).isFalse();
    assertThat(load.continuity().why()).isEqualTo("consumers had not caught up at the deadline");
    // Not read is not lost while the read did not reach the end: never PASS.
    Verdict v = judge(load.continuity());
    assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(v.summary()).startsWith("40 acknowledged message(s) not read");
  }

  @Test
  void aDrainedLoadWithMessagesLostOrReadTwiceFails() {
    load.start(ClientSettings.of("127.0.0.1:1"), 1, 100, 0, 0);
    worker.drained = true;
    worker.verdict = verdict(/* lost= */ 3, /* duplicated= */ 0);
    assertThat(load.drainStep(S, Duration.ofSeconds(5))).isTrue();
    Verdict lost = judge(load.continuity());
    assertThat(lost.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(lost.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(lost.summary()).isEqualTo("3 acknowledged message(s) lost");
  }

  @Test
  void abandonStopsWhatRunsWithoutADrainAndNeverThrows() {
    load.abandon(); // not started: nothing to stop
    assertThat(worker.calls).isEmpty();
    load.start(ClientSettings.of("127.0.0.1:1"), 1, 100, 0, 0);
    worker.failFinish = true;
    load.abandon();
    assertThat(worker.calls).containsExactly("consumers", "producers x1", "stop", "finish");
  }

  private static Verdict judge(Continuity c) {
    return new ContinuityCheck().check(Runs.run().with(Continuity.KEY, c).build()).get(0);
  }

  private static ContinuityVerdict verdict(long lost, long duplicated) {
    return new ContinuityVerdict(
        1000, 1000, 0, 1000 - lost, lost, duplicated, 0, 0, true, List.of());
  }

  /** A worker that answers what the test sets and records what the load asked of it. */
  private static final class FakeWorker implements Worker {
    final List<String> calls = new ArrayList<>();
    long ackedInPeriod;
    boolean drained;
    boolean failFinish;
    ContinuityVerdict verdict = verdict(0, 0);

    @Override
    public void startConsumerGroup(List<ConsumerAssignment> consumers, boolean catchUp) {
      calls.add("consumers");
    }

    @Override
    public void startProducers(List<ProducerAssignment> producers) {
      calls.add("producers x" + producers.size());
    }

    @Override
    public PeriodStats periodStats() {
      calls.add("stats");
      LatencySummary none = LatencySummary.EMPTY;
      return new PeriodStats(S, ackedInPeriod, ackedInPeriod, 0, 0, 0, none, none, none, none);
    }

    @Override
    public WorkerTotals totals() {
      return new WorkerTotals(0, 0, 0, 0, 0);
    }

    @Override
    public void endWarmup() {
      calls.add("end warm-up");
    }

    @Override
    public void stopProducers() {
      calls.add("stop");
    }

    @Override
    public boolean hasDrained() {
      return drained;
    }

    @Override
    public WorkerResult finish() {
      calls.add("finish");
      if (failFinish) {
        throw new IllegalStateException("the worker is gone");
      }
      return new WorkerResult(
          verdict.produced(),
          verdict.acked(),
          0,
          0,
          verdict.consumed(),
          LatencyTracker.newHistogram(),
          LatencyTracker.newHistogram(),
          LatencyTracker.newHistogram(),
          LatencyTracker.newHistogram(),
          List.of(new GroupResult(TOPIC + "-check", TOPIC, 1, verdict, 0, 0)),
          List.of());
    }

    @Override
    public void close() {}
  }
}
