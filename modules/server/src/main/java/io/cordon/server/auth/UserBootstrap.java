package io.cordon.server.auth;

import io.cordon.api.v1.Role;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the users a fresh server needs: demo users in embedded mode, or a configured admin and device account. */
public final class UserBootstrap {

  private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

  /** Well-known demo accounts; the password equals the user name. Only for embedded/demo mode. */
  public record DemoUser(String username, String displayName, Role role) {
  }

  public static final java.util.List<DemoUser> DEMO_USERS = java.util.List.of(
      new DemoUser("operator", "Duty operator", Role.ROLE_OPERATOR),
      new DemoUser("supervisor", "Supervisor", Role.ROLE_SUPERVISOR),
      new DemoUser("admin", "Administrator", Role.ROLE_ADMIN),
      new DemoUser("gate", "Gate agent", Role.ROLE_GATE_AGENT),
      new DemoUser("enterprise", "Enterprise applicant", Role.ROLE_ENTERPRISE),
      new DemoUser("device", "Sensor adapter", Role.ROLE_DEVICE));

  private UserBootstrap() {
  }

  public static void run(Authenticator authenticator, boolean demoUsers, Optional<String> adminPassword,
      Optional<String> devicePassword) {
    if (demoUsers) {
      for (DemoUser user : DEMO_USERS) {
        if (authenticator.createUserIfAbsent(user.username(), user.displayName(), user.username(),
            Set.of(user.role()))) {
          log.info("Created demo user {}", user.username());
        }
      }
    }
    adminPassword.ifPresent(password -> {
      if (authenticator.createUserIfAbsent("admin", "Administrator", password, Set.of(Role.ROLE_ADMIN))) {
        log.info("Created user admin with the configured password");
      }
    });
    devicePassword.ifPresent(password -> {
      if (authenticator.createUserIfAbsent("device", "Sensor adapter", password, Set.of(Role.ROLE_DEVICE))) {
        log.info("Created user device with the configured password");
      }
    });
    if (!demoUsers && adminPassword.isEmpty() && !authenticator.userExists("admin")) {
      log.warn("No admin user exists; set CORDON_ADMIN_PASSWORD (admin.password) to create one");
    }
  }
}
