package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure arithmetic of {@code --execute-window} and the wait for it, on given instants. */
class ExecuteWindowTest {

  @ParameterizedTest
  @CsvSource({
    // window, now, inside, next start, close after
    "01:00-05:00, 2026-11-30T00:30:00Z, false, 2026-11-30T01:00:00Z, 2026-11-30T05:00:00Z",
    "01:00-05:00, 2026-11-30T01:00:00Z, true, 2026-11-30T01:00:00Z, 2026-11-30T05:00:00Z",
    "01:00-05:00, 2026-11-30T04:59:59Z, true, 2026-11-30T04:59:59Z, 2026-11-30T05:00:00Z",
    "01:00-05:00, 2026-11-30T05:00:00Z, false, 2026-12-01T01:00:00Z, 2026-12-01T05:00:00Z",
    "01:00-05:00, 2026-11-30T23:00:00Z, false, 2026-12-01T01:00:00Z, 2026-12-01T05:00:00Z",
    "22:00-02:00, 2026-11-30T21:59:00Z, false, 2026-11-30T22:00:00Z, 2026-12-01T02:00:00Z",
    "22:00-02:00, 2026-11-30T23:30:00Z, true, 2026-11-30T23:30:00Z, 2026-12-01T02:00:00Z",
    "22:00-02:00, 2026-12-01T01:30:00Z, true, 2026-12-01T01:30:00Z, 2026-12-01T02:00:00Z",
    "22:00-02:00, 2026-12-01T02:00:00Z, false, 2026-12-01T22:00:00Z, 2026-12-02T02:00:00Z",
    "01:00-05:00@Europe/Paris, 2026-11-30T00:30:00Z, true, 2026-11-30T00:30:00Z, 2026-11-30T04:00:00Z",
    "01:00-05:00@+02:00, 2026-11-30T03:30:00Z, false, 2026-11-30T23:00:00Z, 2026-12-01T03:00:00Z"
  })
  void opensAndClosesOnTheWallClockOfItsZone(
      String text, String now, boolean inside, String nextStart, String close) {
    ExecuteWindow w = ExecuteWindow.parse(text);
    Instant t = Instant.parse(now);

    assertThat(w.contains(t)).isEqualTo(inside);
    assertThat(w.nextStart(t)).isEqualTo(Instant.parse(nextStart));
    assertThat(w.closeAfter(t)).isEqualTo(Instant.parse(close));
  }

  @Test
  void aDaylightSavingGapOpensTheWindowAtTheFirstValidInstant() {
    // Paris springs forward on 2026-03-29: 02:00-03:00 local time does not exist that night.
    ExecuteWindow w = ExecuteWindow.parse("02:30-04:00@Europe/Paris");
    Instant start = w.nextStart(Instant.parse("2026-03-28T23:00:00Z"));

    assertThat(start).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(w.contains(start)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "01:00       | '01:00' is not a window",
        "25:00-05:00 | '25:00' is not a time of day",
        "01:00-05:00@Mars/Olympus | 'Mars/Olympus' is not a time zone",
        "01:00-01:00 | is empty"
      })
  void refusesWithTheBadPartAndTheForms(String text, String expected) {
    assertThatThrownBy(() -> ExecuteWindow.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void printsInUtcUnlessAZoneIsGiven() {
    assertThat(ExecuteWindow.parse("1:00-5:00").text()).isEqualTo("01:00-05:00 UTC");
    assertThat(ExecuteWindow.parse("01:00-05:00@Europe/Paris"))
        .isEqualTo(
            new ExecuteWindow(LocalTime.of(1, 0), LocalTime.of(5, 0), ZoneId.of("Europe/Paris")));
  }

  @Test
  void insideTheWindowTheWaitReturnsAtOnceAndSaysNothing() {
    StringWriter out = new StringWriter();
    Clock inside = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);

    assertThat(
            new WindowWait(inside).await(ExecuteWindow.parse("01:00-05:00"), new PrintWriter(out)))
        .isTrue();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void outsideTheWindowTheWaitSaysWhenAndAStopEndsIt() {
    StringWriter out = new StringWriter();
    Clock before = Clock.fixed(Instant.parse("2026-11-30T21:47:00Z"), ZoneOffset.UTC);
    WindowWait wait = new WindowWait(before);
    wait.stop(); // Ctrl-C before the window opens: nothing starts

    assertThat(wait.await(ExecuteWindow.parse("01:00-05:00"), new PrintWriter(out))).isFalse();
    assertThat(out.toString())
        .contains("outside the execute window 01:00-05:00 UTC: starting at 2026-12-01T01:00:00Z")
        .contains("(in 3 h 13 min)");
  }

  @Test
  void theWaitEndsWhenTheClockReachesTheStart() {
    // A clock that jumps an hour per reading: the wait sees the window open on its own.
    Instant[] t = {Instant.parse("2026-11-30T22:30:00Z")};
    Clock jumping =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            Instant now = t[0];
            t[0] = now.plusSeconds(3600);
            return now;
          }
        };

    assertThat(
            new WindowWait(jumping, Duration.ofMillis(1))
                .await(ExecuteWindow.parse("01:00-05:00"), new PrintWriter(new StringWriter())))
        .isTrue();
  }
}
