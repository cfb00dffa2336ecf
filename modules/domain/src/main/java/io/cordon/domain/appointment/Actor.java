package io.cordon.domain.appointment;

import io.cordon.domain.park.EnterpriseId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who acts on an application: a user of an enterprise (applicant or confirming enterprise) or a
 * reviewer of a park department. The server authenticates; the domain checks the actor fits the step.
 */
public record Actor(String name, Optional<EnterpriseId> enterprise, Optional<Department> department) {

  public static final String SYSTEM = "system";

  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(enterprise, "enterprise");
    Objects.requireNonNull(department, "department");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank");
    }
  }

  public static Actor ofEnterprise(String name, EnterpriseId enterprise) {
    return new Actor(name, Optional.of(enterprise), Optional.empty());
  }

  public static Actor reviewer(String name, Department department) {
    return new Actor(name, Optional.empty(), Optional.of(department));
  }

  public boolean of(EnterpriseId id) {
    return enterprise.map(id::equals).orElse(false);
  }

  public boolean in(Department d) {
    return department.map(d::equals).orElse(false);
  }
}
