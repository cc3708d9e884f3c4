package dev.ballast.core.doctor;

import java.util.List;

/**
 * What the doctor found and what to do about it.
 *
 * @param brokers brokers in the cluster examined
 * @param partitions partitions in the cluster examined
 * @param incidents the incidents, most severe first, then by id
 * @param fix the structured fix for all of them
 * @param notes caveats about the examination itself (what could not be checked and why)
 */
public record Diagnosis(
    int brokers, int partitions, List<Incident> incidents, Fix fix, List<String> notes) {

  /** Copies the lists. */
  public Diagnosis {
    incidents = List.copyOf(incidents);
    notes = List.copyOf(notes);
  }

  /** Returns the most severe severity found, or {@link Severity#INFO} when there is no incident. */
  public Severity worst() {
    return incidents.stream().map(Incident::severity).min(Enum::compareTo).orElse(Severity.INFO);
  }

  /** Returns the incident with {@code id}, or null. */
  public Incident incident(String id) {
    return incidents.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
  }
}
