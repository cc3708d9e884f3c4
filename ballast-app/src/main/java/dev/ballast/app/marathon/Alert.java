package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert as Alertmanager's API v2 takes it.
 *
 * @param labels {@code alertname}, {@code severity}, {@code cluster}, {@code task}, {@code checker}
 * @param annotations {@code summary}, {@code description}
 * @param startsAt when it started firing
 * @param endsAt when it was resolved, or null while it fires
 */
record Alert(
    Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt) {

  /** Validates and copies, keeping the order. */
  Alert {
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    requireNonNull(startsAt, "startsAt");
  }

  /** Returns whether it is resolved. */
  boolean resolved() {
    return endsAt != null;
  }

  /** Returns this alert resolved at {@code at}. */
  Alert resolvedAt(Instant at) {
    return new Alert(labels, annotations, startsAt, at);
  }

  /** Returns the JSON object of Alertmanager's {@code POST /api/v2/alerts}. */
  Map<String, Object> toApiV2() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("labels", labels);
    m.put("annotations", annotations);
    m.put("startsAt", startsAt.toString());
    if (endsAt != null) {
      m.put("endsAt", endsAt.toString());
    }
    m.put("generatorURL", "");
    return m;
  }
}
