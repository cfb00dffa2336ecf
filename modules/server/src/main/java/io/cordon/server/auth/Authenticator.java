package io.cordon.server.auth;

import io.cordon.api.v1.Role;
import io.cordon.server.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users and their sessions in the database: creates users, checks passwords, issues random
 * 256-bit bearer tokens (storing only their SHA-256) and resolves tokens back to users. Sessions
 * live in the database, so a token stays valid across a server restart until it expires.
 */
public final class Authenticator {

  private static final int TOKEN_BYTES = 32;
  /**
   * A checked token is trusted this long without asking the database again: a device reporting
   * thousands of times a second must not cost a transaction per call. Sessions are only removed when
   * they expire (checked here too) or at start-up, so a short trust window changes nothing else.
   */
  static final Duration RECHECK_AFTER = Duration.ofSeconds(5);
  private static final int MAX_CACHED = 10_000;

  private final Database database;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Duration sessionTtl;
  private final SecureRandom random = new SecureRandom();
  /** Checked against when the user does not exist, so both failures cost the same time. */
  private final String decoyHash;
  private final java.util.concurrent.ConcurrentHashMap<String, Checked> checked =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Authenticator(Database database, PasswordHasher hasher, Clock clock, Duration sessionTtl) {
    this.database = database;
    this.hasher = hasher;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
    this.decoyHash = hasher.hash("decoy-" + random.nextLong());
  }

  /** Creates the user unless one with that name exists; returns whether it was created. */
  public boolean createUserIfAbsent(String username, String displayName, String password, Set<Role> roles) {
    return createUserIfAbsent(username, displayName, password, roles, false);
  }

  /** Creates a well-known demo account (embedded mode) unless the name is taken; returns whether it was created. */
  public boolean createDemoUserIfAbsent(String username, String displayName, String password, Set<Role> roles) {
    return createUserIfAbsent(username, displayName, password, roles, true);
  }

  /** Deletes every demo account with its sessions; returns the names deleted. */
  public List<String> deleteDemoUsers() {
    checked.clear();
    return database.inTransaction(session -> {
      List<UserRow> demo = session.createSelectionQuery("from UserRow u where u.demo = true order by u.username",
          UserRow.class).getResultList();
      if (demo.isEmpty()) {
        return List.of();
      }
      List<String> names = demo.stream().map(u -> u.username).toList();
      session.createMutationQuery("delete from SessionRow s where s.username in :names")
          .setParameter("names", names)
          .executeUpdate();
      demo.forEach(session::remove); // removes the role rows with it
      return names;
    });
  }

  private boolean createUserIfAbsent(String username, String displayName, String password, Set<Role> roles,
      boolean demo) {
    if (database.inTransaction(session -> session.find(UserRow.class, username) != null)) {
      return false;
    }
    String hash = hasher.hash(password);
    return database.inTransaction(session -> {
      if (session.find(UserRow.class, username) != null) {
        return false;
      }
      UserRow row = new UserRow();
      row.username = username;
      row.displayName = displayName;
      row.passwordHash = hash;
      row.createdAt = now();
      row.demo = demo;
      row.roles = roles.stream().map(Authenticator::roleName).collect(Collectors.toSet());
      session.persist(row);
      return true;
    });
  }

  public boolean userExists(String username) {
    return database.inTransaction(session -> session.find(UserRow.class, username) != null);
  }

  /**
   * The user when the password is theirs, without opening a session (a second person confirming an
   * operator's action); empty otherwise, in the same time either way.
   */
  public Optional<AuthenticatedUser> verify(String username, String password) {
    return checked(username, password).map(Authenticator::toUser);
  }

  private Optional<UserRow> checked(String username, String password) {
    Optional<UserRow> user = database.inTransaction(session ->
        Optional.ofNullable(session.find(UserRow.class, username)).map(Authenticator::detached));
    boolean matches = hasher.verify(password, user.map(u -> u.passwordHash).orElse(decoyHash));
    return user.isPresent() && matches ? user : Optional.empty();
  }

  /** A new session when the password is right; empty otherwise (never says which part was wrong). */
  public Optional<LoginSession> login(String username, String password) {
    Optional<UserRow> user = checked(username, password);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    byte[] tokenBytes = new byte[TOKEN_BYTES];
    random.nextBytes(tokenBytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
    Instant now = now();
    SessionRow row = new SessionRow();
    row.tokenHash = tokenHash(token);
    row.username = username;
    row.createdAt = now;
    row.expiresAt = now.plus(sessionTtl);
    database.runInTransaction(session -> session.persist(row));
    return Optional.of(new LoginSession(token, toUser(user.get()), row.expiresAt));
  }

  /** The user of a valid, unexpired token. */
  public Optional<AuthenticatedUser> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return Optional.empty();
    }
    String hash = tokenHash(token);
    Instant now = clock.instant();
    Checked recent = checked.get(hash);
    if (recent != null && now.isBefore(recent.until())) {
      return Optional.of(recent.user());
    }
    Optional<Checked> fresh = database.inTransaction(session -> {
      SessionRow row = session.find(SessionRow.class, hash);
      if (row == null || !row.expiresAt.isAfter(now)) {
        return Optional.<Checked>empty();
      }
      Instant until = now.plus(RECHECK_AFTER).isBefore(row.expiresAt) ? now.plus(RECHECK_AFTER) : row.expiresAt;
      return Optional.ofNullable(session.find(UserRow.class, row.username))
          .map(user -> new Checked(toUser(user), until));
    });
    if (fresh.isEmpty()) {
      checked.remove(hash);
      return Optional.empty();
    }
    if (checked.size() >= MAX_CACHED) {
      checked.clear();
    }
    checked.put(hash, fresh.get());
    return Optional.of(fresh.get().user());
  }

  private record Checked(AuthenticatedUser user, Instant until) {
  }

  /** Removes sessions that have expired; returns how many. */
  public int deleteExpiredSessions() {
    Instant now = clock.instant();
    return database.inTransaction(session -> session
        .createMutationQuery("delete from SessionRow s where s.expiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate());
  }

  private static UserRow detached(UserRow row) {
    UserRow copy = new UserRow();
    copy.username = row.username;
    copy.displayName = row.displayName;
    copy.passwordHash = row.passwordHash;
    copy.roles = Set.copyOf(row.roles);
    return copy;
  }

  private static AuthenticatedUser toUser(UserRow row) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : row.roles) {
      try {
        roles.add(Role.valueOf("ROLE_" + name));
      } catch (IllegalArgumentException unknownRole) {
        // a role written by a newer server version: ignore rather than lock the user out
      }
    }
    return new AuthenticatedUser(row.username, row.displayName, roles);
  }

  private static String roleName(Role role) {
    return role.name().substring("ROLE_".length());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static String tokenHash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
