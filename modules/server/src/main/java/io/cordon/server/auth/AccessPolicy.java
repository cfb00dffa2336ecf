package io.cordon.server.auth;

import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.TrackServiceGrpc;
import io.cordon.api.v1.VideoServiceGrpc;
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
      SensorIngestServiceGrpc.getReportMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE),
      // gates (ADR 0006): devices and gate agents report and listen; duty staff read; operators and
      // supervisors command (an admin configures, it does not operate gates)
      GateStatusServiceGrpc.getReportStateMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE, Role.ROLE_GATE_AGENT),
      GateStatusServiceGrpc.getWatchCommandsMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE, Role.ROLE_GATE_AGENT),
      GateServiceGrpc.getListStatesMethod().getFullMethodName(), DUTY_STAFF,
      GateServiceGrpc.getCommandMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR));

  /** Vehicle tracking: a second table because Map.of takes at most ten pairs. */
  private static final Map<String, Set<Role>> TRACKING = Map.of(
      // the simulator today, the JT/T 808 gateway later
      PositionIngestServiceGrpc.getReportMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE),
      TrackServiceGrpc.getSubscribeLiveMethod().getFullMethodName(), DUTY_STAFF);

  /** The alarm center: devices raise; duty staff watch; operators and supervisors act (an admin reads). */
  private static final Map<String, Set<Role>> ALARMS = Map.of(
      AlarmIngestServiceGrpc.getRaiseMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE, Role.ROLE_GATE_AGENT),
      AlarmServiceGrpc.getWatchMethod().getFullMethodName(), DUTY_STAFF,
      AlarmServiceGrpc.getGetMethod().getFullMethodName(), DUTY_STAFF,
      AlarmServiceGrpc.getActMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR),
      AlarmServiceGrpc.getReportManualMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR),
      AlarmServiceGrpc.getSnoozeMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR),
      AlarmServiceGrpc.getUnsnoozeMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR));

  /** Video: duty staff list streams and open them through the media relay. */
  private static final Map<String, Set<Role>> VIDEO = Map.of(
      VideoServiceGrpc.getListStreamsMethod().getFullMethodName(), DUTY_STAFF,
      VideoServiceGrpc.getOpenStreamMethod().getFullMethodName(), DUTY_STAFF);

  private AccessPolicy() {
  }

  public static boolean isPublic(String fullMethodName) {
    return PUBLIC.contains(fullMethodName);
  }

  public static boolean allows(String fullMethodName, Set<Role> roles) {
    Set<Role> allowed = ALLOWED.getOrDefault(fullMethodName,
        TRACKING.getOrDefault(fullMethodName, ALARMS.getOrDefault(fullMethodName, VIDEO.get(fullMethodName))));
    return allowed != null && roles.stream().anyMatch(allowed::contains);
  }
}
