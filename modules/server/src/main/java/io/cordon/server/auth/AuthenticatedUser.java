package io.cordon.server.auth;

import io.cordon.api.v1.Role;
import java.util.Objects;
import java.util.Set;

/** The caller of an RPC, as established by the {@link AuthInterceptor}. */
public record AuthenticatedUser(String username, String displayName, Set<Role> roles) {
  public AuthenticatedUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
