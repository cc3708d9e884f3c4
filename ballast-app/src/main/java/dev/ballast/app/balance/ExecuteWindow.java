package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily window in which moves may start ({@code --execute-window 01:00-05:00}, Cruise Control
 * #2236): from {@code start} (included) to {@code end} (excluded) local time in {@code zone}; a
 * window whose end is before its start runs over midnight. Pure arithmetic on instants given by the
 * caller's clock.
 *
 * @param start the local time moves may start from
 * @param end the local time after which no new move starts
 * @param zone the zone of both times (UTC unless given)
 */
public record ExecuteWindow(LocalTime start, LocalTime end, ZoneId zone) {

  /** The forms {@link #parse} accepts. */
  public static final String FORMS =
      "HH:MM-HH:MM in UTC, or with a zone: 01:00-05:00, 22:30-02:00, 01:00-05:00@Europe/Paris,"
          + " 01:00-05:00@+02:00";

  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*(?:[@ ]\\s*(\\S+))?\\s*");

  /** Validates that the window is not empty. */
  public ExecuteWindow {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(zone, "zone");
    if (start.equals(end)) {
      throw new IllegalArgumentException(
          "the window " + start + "-" + end + " is empty; leave --execute-window out to start now");
    }
  }

  /**
   * Returns the window {@code text} means, or throws one line naming the bad part and the forms.
   */
  public static ExecuteWindow parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a window; write " + FORMS);
    }
    LocalTime start = time(text, m.group(1));
    LocalTime end = time(text, m.group(2));
    ZoneId zone = ZoneOffset.UTC;
    if (m.group(3) != null) {
      try {
        zone = ZoneId.of(m.group(3));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "'" + text + "': '" + m.group(3) + "' is not a time zone; write " + FORMS);
      }
    }
    return new ExecuteWindow(start, end, zone);
  }

  private static LocalTime time(String text, String token) {
    try {
      return LocalTime.parse(token.length() == 4 ? "0" + token : token);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "': '" + token + "' is not a time of day; write " + FORMS);
    }
  }

  /** Returns whether moves may start at {@code now}. */
  public boolean contains(Instant now) {
    LocalTime t = now.atZone(zone).toLocalTime();
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }

  /** Returns {@code now} when inside the window, else when the window next opens. */
  public Instant nextStart(Instant now) {
    if (contains(now)) {
      return now;
    }
    ZonedDateTime here = now.atZone(zone);
    ZonedDateTime open = here.toLocalDate().atTime(start).atZone(zone);
    if (!open.isAfter(here)) {
      open = here.toLocalDate().plusDays(1).atTime(start).atZone(zone);
    }
    return open.toInstant();
  }

  /**
   * Returns when the window open at {@code now} closes, or (outside it) when the next one does: the
   * first instant after it opens at which the local time is {@code end}.
   */
  public Instant closeAfter(Instant now) {
    ZonedDateTime opened = nextStart(now).atZone(zone);
    ZonedDateTime close = opened.toLocalDate().atTime(end).atZone(zone);
    if (!close.isAfter(opened)) {
      close = opened.toLocalDate().plusDays(1).atTime(end).atZone(zone);
    }
    return close.toInstant();
  }

  /** Returns the window as written ("01:00-05:00 UTC"). */
  public String text() {
    return start + "-" + end + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
  }
}
