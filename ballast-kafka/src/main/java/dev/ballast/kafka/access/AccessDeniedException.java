package dev.ballast.kafka.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The cluster refused a call for lack of a permission; the message names the call, the permission
 * to grant and, where there is one, the option that avoids the call.
 */
public final class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient Permission needed;

  /**
   * Creates the exception for call {@code what}, which needs {@code needed} (null when unknown), or
   * can be avoided with {@code alternative} (null for none).
   */
  public AccessDeniedException(
      String what, Permission needed, String alternative, Throwable cause) {
    super(message(requireNonNull(what, "what"), needed, alternative, cause), cause);
    this.needed = needed;
  }

  /** Returns the permission the call needs, when Ballast knows it. */
  public Optional<Permission> needed() {
    return Optional.ofNullable(needed);
  }

  private static String message(
      String what, Permission needed, String alternative, Throwable cause) {
    String grant =
        needed == null
            ? "("
                + (cause == null ? "no reason given" : cause.getMessage())
                + "); run bin/ballast check-access to see what is missing"
            : "grant " + needed.describe();
    return "not authorized to "
        + what
        + ": "
        + grant
        + (alternative == null ? "" : ", or run with " + alternative);
  }
}
