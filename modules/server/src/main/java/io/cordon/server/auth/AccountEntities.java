package io.cordon.server.auth;

import java.util.List;

/** The Hibernate entities of users and sessions, for the database bootstrap. */
public final class AccountEntities {
  private AccountEntities() {
  }

  public static List<Class<?>> classes() {
    return List.of(UserRow.class, SessionRow.class);
  }
}
