package dev.ballast.workload.spec;

import static java.util.Objects.requireNonNull;

/** A field of a workload with a bad value; the reader adds where the field is (path and line). */
public final class InvalidFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private final String field;

  /** Creates an error for {@code field} (a name, or a path relative to its object). */
  public InvalidFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = requireNonNull(field, "field");
  }

  /** Returns the field's name or relative path. */
  public String field() {
    return field;
  }

  /** Returns the message without the field name. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
