package io.cordon.server.auth;

import io.cordon.api.v1.Role;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the users a fresh server needs: demo users in embedded mode, or a configured admin and
 * device account. Demo accounts live in the database, so a server started without them deletes
 * any an earlier embedded run left behind: admin/admin must not outlive embedded mode.
 */
public final class UserBootstrap {

  private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

  /** Well-known demo accounts; the password equals the user name. Only for embedded/demo mode. */
  public record DemoUser(String username, String displayName, Role role) {
  }

  public static final java.util.List<DemoUser> DEMO_USERS = java.util.List.of(
      new DemoUser("operator", "王明（值班员）", Role.ROLE_OPERATOR),
      new DemoUser("supervisor", "李华（值班长）", Role.ROLE_SUPERVISOR),
      new DemoUser("admin", "系统管理员", Role.ROLE_ADMIN),
      new DemoUser("gate", "卡口代理", Role.ROLE_GATE_AGENT),
      new DemoUser("enterprise", "企业申报员", Role.ROLE_ENTERPRISE),
      new DemoUser("device", "周界传感器适配器", Role.ROLE_DEVICE));

  private UserBootstrap() {
  }

  public static void run(Authenticator authenticator, boolean demoUsers, Optional<String> adminPassword,
      Optional<String> devicePassword) {
    if (demoUsers) {
      for (DemoUser user : DEMO_USERS) {
        if (authenticator.createDemoUserIfAbsent(user.username(), user.displayName(), user.username(),
            Set.of(user.role()))) {
          log.info("Created demo user {}", user.username());
        }
      }
    } else {
      java.util.List<String> deleted = authenticator.deleteDemoUsers();
      if (!deleted.isEmpty()) {
        log.warn("Deleted the demo accounts {} (and their sessions) left by an embedded run: this server runs "
            + "without demo users", deleted);
      }
    }
    adminPassword.ifPresent(password -> createConfigured(authenticator, "admin", "系统管理员", password,
        Role.ROLE_ADMIN, "admin.password (CORDON_ADMIN_PASSWORD)"));
    devicePassword.ifPresent(password -> createConfigured(authenticator, "device", "设备接入账号", password,
        Role.ROLE_DEVICE, "device.password (CORDON_DEVICE_PASSWORD)"));
    if (!demoUsers && adminPassword.isEmpty() && !authenticator.userExists("admin")) {
      log.warn("No admin user exists; set CORDON_ADMIN_PASSWORD (admin.password) to create one");
    }
  }

  private static void createConfigured(Authenticator authenticator, String username, String displayName,
      String password, Role role, String setting) {
    if (authenticator.createUserIfAbsent(username, displayName, password, Set.of(role))) {
      log.info("Created user {} with the configured password", username);
    } else {
      log.warn("User {} exists already: the configured {} is not applied (it only creates the user)",
          username, setting);
    }
  }
}
