package dev.ballast.core.doctor;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One diagnosed problem.
 *
 * @param id a stable id, unique within a diagnosis ("capacity-insufficient", "dead-broker-3")
 * @param kind what kind of problem it is
 * @param severity how urgent it is
 * @param signal the observation that raised it, in one line
 * @param evidence the figures behind the signal, one line each
 * @param rootCause why it happens
 * @param remediation what fixes it, naming the steps of the {@link Fix}
 */
public record Incident(
    String id,
    IncidentKind kind,
    Severity severity,
    String signal,
    List<String> evidence,
    String rootCause,
    String remediation) {

  /** Validates and copies the evidence. */
  public Incident {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(severity, "severity");
    requireNonNull(signal, "signal");
    requireNonNull(rootCause, "rootCause");
    requireNonNull(remediation, "remediation");
    evidence = List.copyOf(evidence);
  }
}
