package io.cordon.server.registration;

import java.util.List;

/** The Hibernate entities of registration, appointments and the blacklist, for the database bootstrap. */
public final class RegistrationEntities {
  private RegistrationEntities() {
  }

  public static List<Class<?>> classes() {
    return RegistrationRows.classes();
  }
}
