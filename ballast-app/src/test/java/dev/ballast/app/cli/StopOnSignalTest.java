package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopOnSignalTest {

  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);
  private final AtomicInteger stops = new AtomicInteger();

  @Test
  void aSignalAsksTheCommandToStopAndTheCloseSaysItStopped() {
    try (StopOnSignal stop =
        StopOnSignal.install("the test", stops::incrementAndGet, out, Duration.ofMinutes(5))) {
      assertThat(stop.signalled()).isFalse();
      stop.signal("TERM");
      assertThat(stop.signalled()).isTrue();
      assertThat(stops).hasValue(1);
      assertThat(text.toString()).contains("stopping the test... (again to quit at once)");
    }
    assertThat(text.toString()).endsWith("stopped" + System.lineSeparator());
  }

  @Test
  void withoutASignalNothingIsStoppedOrSaid() {
    try (StopOnSignal stop =
        StopOnSignal.install("the test", stops::incrementAndGet, out, Duration.ofMinutes(5))) {
      assertThat(stop.signalled()).isFalse();
    }
    assertThat(stops).hasValue(0);
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void handlersAreGivenBackSoTheNextCommandCanInstallItsOwn() {
    StopOnSignal.install("first", stops::incrementAndGet, out, Duration.ofMinutes(5)).close();
    try (StopOnSignal second =
        StopOnSignal.install("second", stops::incrementAndGet, out, Duration.ofMinutes(5))) {
      second.signal("INT");
      assertThat(text.toString()).contains("stopping second").doesNotContain("stopping first");
    }
    assertThat(stops).hasValue(1);
  }
}
