package io.cordon.server.auth;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Hibernate adapter for {@code users} and its roles in {@code user_role}. */
@Entity
@Table(name = "users")
class UserRow {
  @Id
  @Column(name = "username", length = 64)
  String username;

  @Column(name = "display_name", nullable = false, length = 128)
  String displayName;

  @Column(name = "password_hash", nullable = false, length = 256)
  String passwordHash;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  /** A well-known demo account of embedded mode (password = user name). */
  @Column(name = "demo", nullable = false)
  boolean demo;

  /** Role names without the "ROLE_" prefix, e.g. "OPERATOR". */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "username"))
  @Column(name = "role_name", length = 32)
  Set<String> roles = new HashSet<>();

  UserRow() {
  }
}
