package dev.ballast.kafka.access;

import static java.util.Objects.requireNonNull;

/**
 * Whether a principal has one permission Ballast needs.
 *
 * @param requirement the permission and what Ballast does with it
 * @param status present, missing, or not checkable
 * @param detail why, in a few words (which topics lack it, why it could not be checked)
 */
public record AccessCheck(Requirement requirement, Status status, String detail) {

  /** The outcome of one check. */
  public enum Status {
    /** The principal has the permission. */
    PRESENT,
    /** The principal lacks the permission. */
    MISSING,
    /** The cluster gave nothing to check it on (said why in the detail); it is not present. */
    UNKNOWN
  }

  /** Validates the check. */
  public AccessCheck {
    requireNonNull(requirement, "requirement");
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
  }
}
