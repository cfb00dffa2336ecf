package io.cordon.server.auth;

import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.grpc.health.v1.HealthGrpc;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of who may call what. Methods not listed are denied to everybody, so a new RPC
 * stays closed until it is added here.
 */
public final class AccessPolicy {

  /** Callable without a token. */
  private static final Set<String> PUBLIC = Set.of(
      AuthServiceGrpc.getLoginMethod().getFullMethodName(),
      HealthGrpc.getCheckMethod().getFullMethodName(),
      HealthGrpc.getWatchMethod().getFullMethodName());

  private static final Set<Role> DUTY_STAFF = EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN);

  private static final Map<String, Set<Role>> ALLOWED = Map.of(
      EventServiceGrpc.getSubscribeMethod().getFullMethodName(), DUTY_STAFF,
      EventServiceGrpc.getQueryMethod().getFullMethodName(), DUTY_STAFF,
      // devices (and the simulator) need the park plan to know their sensors
      ParkServiceGrpc.getGetParkMethod().getFullMethodName(),
      EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN, Role.ROLE_DEVICE),
      SensorIngestServiceGrpc.getReportMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE));

  private AccessPolicy() {
  }

  public static boolean isPublic(String fullMethodName) {
    return PUBLIC.contains(fullMethodName);
  }

  public static boolean allows(String fullMethodName, Set<Role> roles) {
    Set<Role> allowed = ALLOWED.get(fullMethodName);
    return allowed != null && roles.stream().anyMatch(allowed::contains);
  }
}
