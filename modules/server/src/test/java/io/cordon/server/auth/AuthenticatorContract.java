package io.cordon.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Role;
import io.cordon.server.persistence.Database;
import io.cordon.server.persistence.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users and sessions on every database; subclasses pick the database. */
abstract class AuthenticatorContract {

  private TestDatabase testDatabase;
  private Database database;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
  private Authenticator authenticator;

  abstract TestDatabase freshDatabase();

  @BeforeEach
  void open() {
    testDatabase = freshDatabase();
    reopen();
    authenticator.createUserIfAbsent("li.wei", "Li Wei", "s3cret-pass", Set.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR));
  }

  private void reopen() {
    database = Database.open(testDatabase.settings(), AccountEntities.classes());
    authenticator = new Authenticator(database, new PasswordHasher(), clock, Duration.ofHours(1));
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.drop();
    }
  }

  @Test
  void theRightPasswordOpensASessionWithTheUsersRoles() {
    LoginSession session = authenticator.login("li.wei", "s3cret-pass").orElseThrow();

    assertThat(session.user().roles()).containsExactlyInAnyOrder(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR);
    assertThat(session.user().displayName()).isEqualTo("Li Wei");
    assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(authenticator.authenticate(session.token())).contains(session.user());
  }

  @Test
  void aWrongPasswordOpensNoSession() {
    assertThat(authenticator.login("li.wei", "s3cret-pasS")).isEmpty();
  }

  @Test
  void anUnknownUserOpensNoSession() {
    assertThat(authenticator.login("nobody", "s3cret-pass")).isEmpty();
  }

  @Test
  void anUnknownTokenAuthenticatesNobody() {
    assertThat(authenticator.authenticate("not-a-token")).isEmpty();
  }

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    String token = authenticator.login("li.wei", "s3cret-pass").orElseThrow().token();

    clock.advance(Duration.ofHours(1));

    assertThat(authenticator.authenticate(token)).isEmpty();
  }

  @Test
  void neitherPasswordsNorTokensAreStoredInClear() {
    String token = authenticator.login("li.wei", "s3cret-pass").orElseThrow().token();

    List<Object> stored = database.inTransaction(s -> List.of(
        s.createNativeQuery("select password_hash from users", Object.class).getSingleResult(),
        s.createNativeQuery("select token_hash from user_session", Object.class).getSingleResult()));

    assertThat(stored.get(0).toString()).startsWith("$argon2id$").doesNotContain("s3cret-pass");
    assertThat(stored.get(1).toString()).isNotEqualTo(token).hasSize(64);
  }

  @Test
  void aSessionSurvivesReopeningTheDatabase() {
    LoginSession session = authenticator.login("li.wei", "s3cret-pass").orElseThrow();
    database.close();

    reopen();

    assertThat(authenticator.authenticate(session.token())).contains(session.user());
  }

  @Test
  void creatingAnExistingUserChangesNothing() {
    boolean created = authenticator.createUserIfAbsent("li.wei", "Other", "other-pass", Set.of(Role.ROLE_ADMIN));

    assertThat(created).isFalse();
    assertThat(authenticator.login("li.wei", "s3cret-pass")).isPresent();
  }

  @Test
  void deletingDemoUsersRemovesThemAndTheirSessionsButNoOtherUser() {
    authenticator.createDemoUserIfAbsent("operator", "Duty operator", "operator", Set.of(Role.ROLE_OPERATOR));
    String demoToken = authenticator.login("operator", "operator").orElseThrow().token();
    String realToken = authenticator.login("li.wei", "s3cret-pass").orElseThrow().token();

    List<String> deleted = authenticator.deleteDemoUsers();

    assertThat(deleted).containsExactly("operator");
    assertThat(authenticator.userExists("operator")).isFalse();
    assertThat(authenticator.authenticate(demoToken)).isEmpty();
    assertThat(authenticator.authenticate(realToken)).isPresent();
  }

  @Test
  void expiredSessionsAreDeleted() {
    authenticator.login("li.wei", "s3cret-pass");
    clock.advance(Duration.ofHours(2));
    authenticator.login("li.wei", "s3cret-pass");

    assertThat(authenticator.deleteExpiredSessions()).isEqualTo(1);
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
