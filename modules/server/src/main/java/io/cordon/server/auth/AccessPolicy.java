package io.cordon.server.auth;

import io.cordon.api.v1.AlarmIngestServiceGrpc;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.AuthServiceGrpc;
import io.cordon.api.v1.BlacklistServiceGrpc;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.GateAgentServiceGrpc;
import io.cordon.api.v1.GateServiceGrpc;
import io.cordon.api.v1.GateStatusServiceGrpc;
import io.cordon.api.v1.ParkServiceGrpc;
import io.cordon.api.v1.PositionIngestServiceGrpc;
import io.cordon.api.v1.RegistryServiceGrpc;
import io.cordon.api.v1.ReviewServiceGrpc;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SensorIngestServiceGrpc;
import io.cordon.api.v1.TrackServiceGrpc;
import io.cordon.api.v1.TripServiceGrpc;
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
      SensorIngestServiceGrpc.getReportBatchMethod().getFullMethodName(), EnumSet.of(Role.ROLE_DEVICE),
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

  private static final Set<Role> APPLICANT = EnumSet.of(Role.ROLE_ENTERPRISE);
  private static final Set<Role> REVIEWERS = EnumSet.of(Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN);
  private static final Set<Role> STAFF_AND_APPLICANTS =
      EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN, Role.ROLE_ENTERPRISE);
  private static final Set<Role> REGISTRARS = EnumSet.of(Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN, Role.ROLE_ENTERPRISE);

  /**
   * Registration, appointments, review, blacklist (issue 6). Applicants (ROLE_ENTERPRISE) write and
   * read their own enterprise's records and applications only: the services check the enterprise.
   * Supervisors review (their departments decide which steps); admins read and assign departments;
   * operators read and record violations at the gates.
   */
  private static final Map<String, Set<Role>> REGISTRATION = Map.ofEntries(
      Map.entry(RegistryServiceGrpc.getUpsertEnterpriseMethod().getFullMethodName(), REVIEWERS),
      Map.entry(RegistryServiceGrpc.getGetEnterpriseMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(RegistryServiceGrpc.getSearchEnterprisesMethod().getFullMethodName(), DUTY_STAFF),
      Map.entry(RegistryServiceGrpc.getUpsertPersonMethod().getFullMethodName(), REGISTRARS),
      Map.entry(RegistryServiceGrpc.getGetPersonMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(RegistryServiceGrpc.getSearchPeopleMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(RegistryServiceGrpc.getUpsertVehicleMethod().getFullMethodName(), REGISTRARS),
      Map.entry(RegistryServiceGrpc.getGetVehicleMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(RegistryServiceGrpc.getSearchVehiclesMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(RegistryServiceGrpc.getImportRegistryMethod().getFullMethodName(), REGISTRARS),
      Map.entry(AppointmentServiceGrpc.getCreateDraftMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getEditDraftMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getSubmitMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getWithdrawMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getGetApplicationMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(AppointmentServiceGrpc.getListMineMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getWatchApplicationMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(AppointmentServiceGrpc.getConfirmMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getDeclineMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getConfirmExitMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getRequestExitMethod().getFullMethodName(), APPLICANT),
      Map.entry(AppointmentServiceGrpc.getGetPermitMethod().getFullMethodName(), STAFF_AND_APPLICANTS),
      Map.entry(ReviewServiceGrpc.getInboxMethod().getFullMethodName(), REVIEWERS),
      Map.entry(ReviewServiceGrpc.getGetForReviewMethod().getFullMethodName(), REVIEWERS),
      Map.entry(ReviewServiceGrpc.getApproveMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(ReviewServiceGrpc.getReturnMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(ReviewServiceGrpc.getRejectMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(ReviewServiceGrpc.getGiveOpinionMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(ReviewServiceGrpc.getRevokePermitMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(ReviewServiceGrpc.getSetReviewerDepartmentsMethod().getFullMethodName(), EnumSet.of(Role.ROLE_ADMIN)),
      Map.entry(BlacklistServiceGrpc.getRecordViolationMethod().getFullMethodName(),
          EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR)),
      Map.entry(BlacklistServiceGrpc.getListViolationsMethod().getFullMethodName(), DUTY_STAFF),
      Map.entry(BlacklistServiceGrpc.getListBlacklistMethod().getFullMethodName(), DUTY_STAFF),
      Map.entry(BlacklistServiceGrpc.getAddToBlacklistMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(BlacklistServiceGrpc.getLiftBlacklistEntryMethod().getFullMethodName(),
          EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(BlacklistServiceGrpc.getFileAppealMethod().getFullMethodName(),
          EnumSet.of(Role.ROLE_SUPERVISOR, Role.ROLE_ENTERPRISE)),
      Map.entry(BlacklistServiceGrpc.getDecideAppealMethod().getFullMethodName(), EnumSet.of(Role.ROLE_SUPERVISOR)),
      Map.entry(BlacklistServiceGrpc.getListAppealsMethod().getFullMethodName(), DUTY_STAFF));

  /**
   * Gates (issue 7): an agent per gate holds one session stream; duty staff read access records and
   * presence and follow an emergency; operators and supervisors open and end one.
   */
  private static final Map<String, Set<Role>> GATES = Map.of(
      GateAgentServiceGrpc.getConnectMethod().getFullMethodName(), EnumSet.of(Role.ROLE_GATE_AGENT, Role.ROLE_DEVICE),
      GateServiceGrpc.getListAccessRecordsMethod().getFullMethodName(), DUTY_STAFF,
      GateServiceGrpc.getGetPresenceMethod().getFullMethodName(), DUTY_STAFF,
      GateServiceGrpc.getListInsideMethod().getFullMethodName(), DUTY_STAFF,
      GateServiceGrpc.getWatchEmergencyMethod().getFullMethodName(), DUTY_STAFF,
      GateServiceGrpc.getOpenEmergencyMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR),
      GateServiceGrpc.getRetryEmergencyGateMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR),
      GateServiceGrpc.getEndEmergencyMethod().getFullMethodName(), EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR));

  /** Who binds terminals at the gates: gate operators, shift leaders, admins, and gate-side dispensers (devices). */
  private static final Set<Role> TERMINAL_ISSUERS =
      EnumSet.of(Role.ROLE_OPERATOR, Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN, Role.ROLE_DEVICE);

  /**
   * Trips (issue 8): duty staff read trips, vehicles, trajectories and the parking lot; terminals are
   * issued, returned and registered by staff at the gates and by gate-side dispensers; loading
   * points are reported free by shift leaders, admins and the loading points' devices.
   */
  private static final Map<String, Set<Role>> TRIPS = Map.of(
      TripServiceGrpc.getIssueTerminalMethod().getFullMethodName(), TERMINAL_ISSUERS,
      TripServiceGrpc.getReturnTerminalMethod().getFullMethodName(), TERMINAL_ISSUERS,
      TripServiceGrpc.getSaveOwnTerminalMethod().getFullMethodName(), TERMINAL_ISSUERS,
      TripServiceGrpc.getListTerminalsMethod().getFullMethodName(), DUTY_STAFF,
      TripServiceGrpc.getListTripsMethod().getFullMethodName(), DUTY_STAFF,
      TripServiceGrpc.getGetVehicleMethod().getFullMethodName(), DUTY_STAFF,
      TripServiceGrpc.getGetTrajectoryMethod().getFullMethodName(), DUTY_STAFF,
      TripServiceGrpc.getGetParkingLotMethod().getFullMethodName(), DUTY_STAFF,
      TripServiceGrpc.getReportLoadingPointFreeMethod().getFullMethodName(),
      EnumSet.of(Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN, Role.ROLE_DEVICE));

  /** Recordings (issue 9): duty staff list, play and export; supervisors release alarm evidence. */
  private static final Map<String, Set<Role>> RECORDING = Map.of(
      io.cordon.api.v1.RecordingServiceGrpc.getListSegmentsMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.RecordingServiceGrpc.getGetAlarmEvidenceMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.RecordingServiceGrpc.getExportClipMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.RecordingServiceGrpc.getReleaseEvidenceMethod().getFullMethodName(), REVIEWERS);

  /**
   * Timelines and incidents (issue 9): duty staff read timelines and incidents and verify reports;
   * supervisors and admins open, extend and close incidents, render their reports and export their clips.
   */
  private static final Map<String, Set<Role>> INCIDENTS = Map.of(
      io.cordon.api.v1.TimelineServiceGrpc.getGetTimelineMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.TimelineServiceGrpc.getGetPositionsAtMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.IncidentServiceGrpc.getCreateMethod().getFullMethodName(), REVIEWERS,
      io.cordon.api.v1.IncidentServiceGrpc.getAddAlarmsMethod().getFullMethodName(), REVIEWERS,
      io.cordon.api.v1.IncidentServiceGrpc.getCloseMethod().getFullMethodName(), REVIEWERS,
      io.cordon.api.v1.IncidentServiceGrpc.getRenderReportMethod().getFullMethodName(), REVIEWERS,
      io.cordon.api.v1.IncidentServiceGrpc.getExportClipsMethod().getFullMethodName(), REVIEWERS,
      io.cordon.api.v1.IncidentServiceGrpc.getGetMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.IncidentServiceGrpc.getListMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.IncidentServiceGrpc.getVerifyReportMethod().getFullMethodName(), DUTY_STAFF);
  /** Statistics (issue 9): duty staff read reports and export them. */
  private static final Map<String, Set<Role>> STATISTICS = Map.of(
      io.cordon.api.v1.StatisticsServiceGrpc.getGetReportMethod().getFullMethodName(), DUTY_STAFF,
      io.cordon.api.v1.StatisticsServiceGrpc.getExportMethod().getFullMethodName(), DUTY_STAFF);

  private AccessPolicy() {
  }

  public static boolean isPublic(String fullMethodName) {
    return PUBLIC.contains(fullMethodName);
  }

  public static boolean allows(String fullMethodName, Set<Role> roles) {
    Set<Role> allowed = ALLOWED.getOrDefault(fullMethodName,
        TRACKING.getOrDefault(fullMethodName, ALARMS.getOrDefault(fullMethodName, VIDEO.get(fullMethodName))));
    if (allowed == null) {
      allowed = REGISTRATION.getOrDefault(fullMethodName, GATES.get(fullMethodName));
    }
    if (allowed == null) {
      allowed = TRIPS.get(fullMethodName);
    }
    if (allowed == null) {
      allowed = RECORDING.get(fullMethodName);
    }
    if (allowed == null) {
      allowed = INCIDENTS.get(fullMethodName);
    }
    if (allowed == null) {
      allowed = STATISTICS.get(fullMethodName);
    }
    return allowed != null && roles.stream().anyMatch(allowed::contains);
  }
}
