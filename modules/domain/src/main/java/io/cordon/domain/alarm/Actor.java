package io.cordon.domain.alarm;

import java.util.Objects;

/** Who acts on an alarm: a signed-in user, and whether they are a supervisor (值班长), who may act on anyone's alarm. */
public record Actor(String name, boolean supervisor) {

  public Actor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank");
    }
  }

  public static Actor operator(String name) {
    return new Actor(name, false);
  }

  public static Actor supervisor(String name) {
    return new Actor(name, true);
  }
}
