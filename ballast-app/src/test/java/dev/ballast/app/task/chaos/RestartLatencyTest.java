package dev.ballast.app.task.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestartLatencyTest {

  private static final long S = 1_000_000_000L;

  private static Observed.LatencySample at(double seconds, double p99) {
    return new Observed.LatencySample((long) (seconds * S), p99, p99 / 2, 1);
  }

  @Test
  void eachBrokerGetsTheWorstP99FromItsStopToTheNextStopAndItsSlowPeriods() {
    List<Observed.Restart> restarts =
        List.of(
            new Observed.Restart(0, 10 * S, 12 * S, 15 * S),
            new Observed.Restart(1, 20 * S, 21 * S, 25 * S));
    List<Observed.LatencySample> latencies =
        List.of(
            at(9, 5000), // the warm-up before any stop: nobody's
            at(11, 40),
            at(13, 900),
            at(19, 60),
            at(21, 300),
            at(29, 20));

    List<RestartLatency.Span> spans = RestartLatency.calculate(restarts, latencies, 30 * S, 250);

    assertThat(spans).extracting(RestartLatency.Span::broker).containsExactly(0, 1);
    assertThat(spans.get(0).worstP99()).isEqualTo(900);
    assertThat(spans.get(0).worstSendP99()).isEqualTo(450);
    assertThat(spans.get(0).slow()).containsExactly("+3.0 s: 900 ms (send 450 ms, blocked 1 ms)");
    assertThat(spans.get(1).worstP99()).isEqualTo(300);
    assertThat(RestartLatency.describe(spans.get(0), restarts.get(0), 11 * S))
        .contains(
            "broker 0: produce p99 up to 900 ms",
            "shut down +1.0 s",
            "started +2.0 s",
            "in every ISR +5.0 s");
  }

  @Test
  void aSpanWithoutPeriodsIsZero() {
    List<RestartLatency.Span> spans =
        RestartLatency.calculate(
            List.of(new Observed.Restart(2, 10 * S, -1, -1)), List.of(), 11 * S, 250);
    assertThat(spans.get(0).worstP99()).isZero();
    assertThat(spans.get(0).slow()).isEmpty();
  }
}
