package io.cordon.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects every problem of one validation, so that a form or an import row is answered with all
 * its errors at once rather than the first. Not thread-safe; use one per validation.
 */
public final class Problems {

  private final List<FieldError> errors = new ArrayList<>();

  public Problems add(String field, String reason) {
    errors.add(new FieldError(field, reason));
    return this;
  }

  public Problems add(FieldError error) {
    errors.add(error);
    return this;
  }

  /** Adds errors found in a nested object, prefixing their paths with {@code prefix}. */
  public Problems addAll(String prefix, List<FieldError> nested) {
    for (FieldError error : nested) {
      errors.add(error.under(prefix));
    }
    return this;
  }

  /** Adds the reason, if any, under {@code field}. */
  public Problems addIfPresent(String field, Optional<String> reason) {
    reason.ifPresent(r -> add(field, r));
    return this;
  }

  /**
   * Requires a text: adds "is required" when it is null or blank and returns empty; otherwise
   * parses it and returns the value, or adds the parser's reason (an IllegalArgumentException
   * message) and returns empty.
   */
  public <T> Optional<T> parse(String field, String text, Function<String, T> parser) {
    if (text == null || text.isBlank()) {
      add(field, "is required");
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text));
    } catch (IllegalArgumentException e) {
      add(field, e.getMessage());
      return Optional.empty();
    }
  }

  /** Requires a value: adds "is required" when it is null. */
  public <T> Optional<T> require(String field, T value) {
    if (value == null) {
      add(field, "is required");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Requires a non-blank text of at most {@code max} characters; returns it stripped. */
  public Optional<String> text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      add(field, "is required");
      return Optional.empty();
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      add(field, "must be at most " + max + " characters");
      return Optional.empty();
    }
    return Optional.of(stripped);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<FieldError> list() {
    return List.copyOf(errors);
  }

  /** The value when nothing was found wrong, else an INVALID refusal with every error. */
  public <T> Result<T> result(java.util.function.Supplier<T> value) {
    return errors.isEmpty() ? Result.ok(value.get()) : Result.refused(Refusal.invalid(list()));
  }
}
