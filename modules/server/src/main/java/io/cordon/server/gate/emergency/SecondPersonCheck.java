package io.cordon.server.gate.emergency;

import io.cordon.server.auth.AuthenticatedUser;
import io.cordon.server.auth.Authenticator;
import io.cordon.server.auth.PasswordCheckLimiter;
import java.util.Optional;

/** Checks the password of the second person who confirms an emergency opening. */
@FunctionalInterface
public interface SecondPersonCheck {

  /** Too many password checks run at once; nothing was checked. */
  final class Busy extends RuntimeException {
    public Busy() {
      super("too many password checks at once");
    }
  }

  /**
   * The user when the password is theirs; empty when the user or the password is wrong.
   *
   * @throws Busy when the check could not run now
   */
  Optional<AuthenticatedUser> verify(String username, String password);

  /** Through the server's authenticator: checks the password without opening a session. */
  static SecondPersonCheck of(Authenticator authenticator) {
    PasswordCheckLimiter limiter = PasswordCheckLimiter.withDefaults();
    return (username, password) -> limiter.tryRun(() -> authenticator.verify(username, password))
        .orElseThrow(Busy::new);
  }
}
