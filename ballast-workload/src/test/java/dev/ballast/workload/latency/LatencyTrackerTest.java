package dev.ballast.workload.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTrackerTest {

  @Test
  void intervalsFromManyThreadsAddUpExactly() throws Exception {
    LatencyTracker tracker = new LatencyTracker();
    int threads = 4;
    int perThread = 200_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long base = (t + 1) * 1_000L;
      Thread w =
          new Thread(
              () -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                  tracker.record(base + (i % 1_000));
                }
              });
      w.start();
      writers.add(w);
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    long[] taken = new long[1];
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                taken[0] += tracker.takeInterval(Histogram::getTotalCount);
              }
            });
    reader.start();
    start.countDown();
    for (Thread w : writers) {
      w.join();
    }
    writing.set(false);
    reader.join();
    taken[0] += tracker.takeInterval().getTotalCount();

    assertThat(taken[0]).isEqualTo((long) threads * perThread);
    Histogram all = tracker.cumulative();
    assertThat(all.getTotalCount()).isEqualTo((long) threads * perThread);
    assertThat(all.getMinValue()).isEqualTo(1_000);
    assertThat(all.getMaxValue()).isBetween(4_998L, 5_002L);
  }

  @Test
  void anIntervalIsWhatWasRecordedSinceTheLastTake() {
    LatencyTracker tracker = new LatencyTracker();
    tracker.record(5_000);
    tracker.record(-3); // clock skew: counts as 0
    assertThat(tracker.takeInterval(Histogram::getTotalCount)).isEqualTo(2);
    assertThat(tracker.takeInterval(Histogram::getTotalCount)).isZero();
    tracker.record(7_000);
    Histogram copy = tracker.takeInterval();
    tracker.record(9_000);
    tracker.takeInterval(h -> null);
    assertThat(copy.getTotalCount()).isEqualTo(1); // a copy: later takes do not change it
    assertThat(tracker.cumulative().getTotalCount()).isEqualTo(4);
  }

  @Test
  void resetDiscardsWhatWasRecorded() {
    LatencyTracker tracker = new LatencyTracker();
    tracker.record(1_000);
    tracker.takeInterval();
    tracker.record(2_000);
    tracker.reset();
    assertThat(tracker.takeInterval(Histogram::getTotalCount)).isZero();
    tracker.record(3_000);
    Histogram all = tracker.cumulative();
    assertThat(all.getTotalCount()).isEqualTo(1);
    assertThat(all.getMinValue()).isBetween(2_999L, 3_001L);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
