package io.cordon.domain.validation;

import java.util.Objects;
import java.util.function.Function;

/** A value, or the refusal that explains why there is none. */
public sealed interface Result<T> permits Result.Ok, Result.Refused {

  record Ok<T>(T value) implements Result<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  record Refused<T>(Refusal refusal) implements Result<T> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value; throws IllegalStateException naming the errors when refused (for tests and trusted input). */
  default T orElseThrow() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal().errors());
  }

  default <U> Result<U> map(Function<T, U> f) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(f.apply(ok.value()));
    }
    return new Refused<>(((Refused<T>) this).refusal());
  }
}
