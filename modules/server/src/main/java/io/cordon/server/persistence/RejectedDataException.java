package io.cordon.server.persistence;

/**
 * The database refused a value (SQL state class 22, "data exception": too long for its column, a
 * NUL character PostgreSQL cannot store…). Repeating the same request fails the same way, so callers
 * answer INVALID_ARGUMENT, never "retry".
 */
public final class RejectedDataException extends IllegalArgumentException {

  public RejectedDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
