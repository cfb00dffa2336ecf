package io.cordon.server.auth;

import java.time.Instant;

/** A successful login: the bearer token (shown once, stored only as a hash) and its user. */
public record LoginSession(String token, AuthenticatedUser user, Instant expiresAt) {
  @Override
  public String toString() {
    return "LoginSession[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
  }
}
