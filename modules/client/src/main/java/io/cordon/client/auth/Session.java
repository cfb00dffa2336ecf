package io.cordon.client.auth;

import io.cordon.api.v1.Role;
import java.util.List;
import java.util.Objects;

/** A signed-in user as the server described them at login. */
public record Session(String username, String displayName, List<Role> roles) {
  public Session {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    roles = List.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
