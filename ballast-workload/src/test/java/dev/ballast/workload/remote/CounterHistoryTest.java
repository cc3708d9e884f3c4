package dev.ballast.workload.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.remote.IntervalReport.Counters;
import org.junit.jupiter.api.Test;

class CounterHistoryTest {

  private static Counters sent(long n) {
    return new Counters(n, n, 0, 0, n);
  }

  @Test
  void countersBetweenSamplesAreInterpolated() {
    CounterHistory h = new CounterHistory(10);
    assertThat(h.at(5)).isNull();
    h.add(1000, sent(0));
    h.add(2000, sent(1000));
    assertThat(h.at(1500).sent()).isEqualTo(500);
    assertThat(h.at(500).sent()).as("before the first sample").isZero();
    assertThat(h.at(9000).sent()).as("after the last sample").isEqualTo(1000);
  }

  @Test
  void onlyTheLastSamplesAreKept() {
    CounterHistory h = new CounterHistory(2);
    h.add(1, sent(1));
    h.add(2, sent(2));
    h.add(3, sent(3));
    assertThat(h.at(1).sent()).isEqualTo(2);
  }
}
