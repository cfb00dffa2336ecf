package io.cordon.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Hibernate adapter for {@code user_session}: a bearer session, keyed by the token's hash. */
@Entity
@Table(name = "user_session")
class SessionRow {
  @Id
  @Column(name = "token_hash", length = 64)
  String tokenHash;

  @Column(name = "username", nullable = false, length = 64)
  String username;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  Instant expiresAt;

  SessionRow() {
  }
}
