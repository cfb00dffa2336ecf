package io.cordon.domain.registry;

import io.cordon.domain.identity.PhoneNumber;
import java.util.Objects;

/** Someone the park calls at an enterprise: name, position (e.g. 安全负责人) and mobile. */
public record Contact(String name, String position, PhoneNumber phone) {
  public Contact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(phone, "phone");
  }
}
